package dev.confab.conferencing.admission;

import dev.confab.conferencing.http.TlsConnector;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The client API's HTTPS listener ({@code --client-api-port}, 443 on an appliance), presenting the
 * node's own certificate, issued by the Management Node's CA (clients trust that CA; the certificate
 * names the node's FQDN and address). Refusals are answered as the client API answers them:
 * {@code {"status": "failed", "result": "<what is wrong>"}}.
 */
final class ClientApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ClientApiServer.class);

    private final Javalin http;

    private ClientApiServer(Javalin http) {
        this.http = http;
    }

    static ClientApiServer start(String bind, int port, IssuedCertificate identity, X509Certificate ca,
                                 Admission admission, AdmissionCounts counts) {
        char[] password = Tokens.random(18).toCharArray();
        KeyStore keyStore = TlsMaterial.keyStore(List.of(identity.certificate(), ca), identity.privateKey(), password);
        ClientApi api = new ClientApi(admission, counts);
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector(new TlsConnector(bind, port, keyStore, password).factory());
            config.http.maxRequestSize = ClientApi.MAX_BODY_BYTES;
            api.register(config);
            config.routes.exception(AdmissionException.class, (e, ctx) -> ClientApi.failed(ctx, e.status(),
                    e.getMessage()));
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> ClientApi.failed(ctx,
                    e.getStatus(), e.getStatus() == 413 ? "body: larger than " + ClientApi.MAX_BODY_BYTES / 1024
                    + " KiB" : "the request was refused (HTTP " + e.getStatus() + ")"));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("A client API request failed", e);
                ClientApi.failed(ctx, 500, "internal error: " + e.getMessage());
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ClientApi.ANSWERED) == null) {
                    ClientApi.failed(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + "; see the"
                            + " client API's paths under /api/client/v2/conferences/{alias}/");
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(ClientApi.ANSWERED) == null) {
                    ClientApi.failed(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
                }
            });
        }).start();
        return new ClientApiServer(http);
    }

    int port() {
        return http.port();
    }

    void stop() {
        http.stop();
    }
}
