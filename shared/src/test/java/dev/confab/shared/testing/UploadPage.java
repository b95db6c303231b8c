package dev.confab.shared.testing;

import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** An unconfigured Conferencing Node's upload page, reached with the certificate the node published in its data directory. */
public final class UploadPage {

    private UploadPage() {
    }

    /** Waits until {@code https://address:port/} answers 200, trusting only {@code data/provisioning.crt}. */
    public static void await(String address, int port, Path data, Process agent, Duration timeout) throws Exception {
        Path certificate = data.resolve("provisioning.crt");
        Await.atMost(timeout).every(Duration.ofMillis(100)).whileAlive(agent)
                .until("the upload page https://" + address + ":" + port + "/", () -> {
                    if (!Files.exists(certificate)) {
                        return false;
                    }
                    HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(
                            Pem.readCertificates(Files.readString(certificate)).get(0), null))
                            .connectTimeout(Duration.ofSeconds(2)).build();
                    return client.send(HttpRequest.newBuilder(URI.create("https://" + address + ":" + port + "/"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                });
    }
}
