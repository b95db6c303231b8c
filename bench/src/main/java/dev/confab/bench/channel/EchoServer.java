package dev.confab.bench.channel;

import dev.confab.management.http.HttpsConnector;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.Javalin;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The heartbeat limit of the machine: a bare mutual-TLS echo server on the node channel's port
 * setup (Jetty with the same {@link HttpsConnector}, HTTP/2 and HTTP/1.1 offered, client
 * certificates asked for and checked against the Management Node's CA, no header cache), answering
 * {@code POST /node/v1/heartbeat} with the request's body and doing nothing else, in a Jetty core
 * handler as the Management Node answers heartbeats.
 * Its own CA issues its certificate for 127.0.0.1; the CA is written to {@code --ca-out} for the
 * simulated nodes to trust. Runs until killed.
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true)
public final class EchoServer implements Callable<Integer> {

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--client-ca", required = true, description = "the CA of the nodes' certificates (PEM)")
    Path clientCa;

    @Option(names = "--ca-out", required = true, description = "where to write this server's CA (PEM)")
    Path caOut;

    public static void main(String[] args) {
        int exit = new CommandLine(new EchoServer()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Confab bench echo CA", Clock.systemUTC());
        KeyPair keys = KeyPairs.ecP256();
        List<String> names = List.of("127.0.0.1");
        X509Certificate leaf = ca.issue(CertificateRequest.create(keys, "echo", names).pem(), "echo", names,
                Duration.ofDays(1));
        char[] password = Tokens.random(18).toCharArray();
        KeyStore keyStore = TlsMaterial.keyStore(List.of(leaf, ca.certificate()), keys.getPrivate(), password);
        KeyStore trusted = TlsMaterial.trustStore(Pem.readCertificates(Files.readString(clientCa)));
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HttpsConnector connector = new HttpsConnector("127.0.0.1", port, keyStore, password, trusted);
            SslContextFactory.Server ssl = connector.sslContextFactory();
            ssl.setNeedClientAuth(false);
            ssl.setWantClientAuth(true);
            config.jetty.addConnector((server, httpConfig) -> {
                HttpConfiguration channel = new HttpConfiguration(httpConfig);
                channel.setHeaderCacheSize(0);
                return connector.factoryWithHttp2(ssl).apply(server, channel);
            });
            // answered in a Jetty core handler before Javalin's servlet context, as the Management Node
            // answers heartbeats (FrequentRequests)
            config.jetty.modifyServer(server -> server.setHandler(new Handler.Wrapper() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    if (!NodeChannel.HEARTBEAT.equals(request.getHttpURI().getPath())) {
                        return super.handle(request, response, callback);
                    }
                    Object tls = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
                    if (!(tls instanceof EndPoint.SslSessionData session) || session.peerCertificates() == null) {
                        response.setStatus(401);
                        callback.succeeded();
                        return true;
                    }
                    Content.Source.asByteBufferAsync(request, 1 << 20).whenComplete((body, failure) -> {
                        if (failure != null) {
                            callback.failed(failure);
                            return;
                        }
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                        response.write(true, body, callback);
                    });
                    return true;
                }
            }));
        }).start();
        Files.writeString(caOut, Pem.encode(ca.certificate()));
        System.out.println("echo server ready on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
        return 0;
    }
}
