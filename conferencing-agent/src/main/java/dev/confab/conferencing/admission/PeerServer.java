package dev.confab.conferencing.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.conferencing.http.TlsConnector;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.Disconnect;
import dev.confab.shared.wire.ErrorResponse;
import dev.confab.shared.wire.NodeChannel;
import dev.confab.shared.wire.Reservation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The node-to-node listener ({@code --node-port}, 9443 on an appliance): mutual TLS, accepting only
 * certificates from the platform's CA. {@code POST /node/v1/reserve} and {@code /node/v1/release}
 * take requests from enrolled Conferencing Nodes of the replica, known by their certificate's name;
 * {@code POST /node/v1/disconnect} from the Management Node; {@code GET /metrics} (the node's meters in the
 * Prometheus text format) from the Management Node and from certificates the CA issued for metrics
 * ({@link NodeChannel#METRICS_COMMON_NAME}). Anyone else is refused with 403.
 */
final class PeerServer {

    private static final Logger LOG = LoggerFactory.getLogger(PeerServer.class);
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final ObjectMapper JSON = NodeChannel.json();

    private final Javalin http;

    private PeerServer(Javalin http) {
        this.http = http;
    }

    /** {@code peers} names the enrolled node a certificate's common name (its FQDN) belongs to. */
    static PeerServer start(String bind, int port, IssuedCertificate identity, X509Certificate ca, Admission admission,
                            Function<String, Optional<String>> peers, AgentMetrics metrics) {
        char[] password = Tokens.random(18).toCharArray();
        KeyStore keyStore = TlsMaterial.keyStore(List.of(identity.certificate(), ca), identity.privateKey(), password);
        KeyStore trust = TlsMaterial.trustStore(List.of(ca));
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector(new TlsConnector(bind, port, keyStore, password, trust).factory());
            config.http.maxRequestSize = 1024 * 1024;
            config.routes.post(NodeChannel.RESERVE, ctx -> ctx.json(admission.reserve(node(ctx, peers),
                    JSON.readValue(ctx.bodyAsBytes(), Reservation.Request.class))));
            config.routes.post(NodeChannel.RELEASE, ctx -> {
                admission.release(node(ctx, peers), JSON.readValue(ctx.bodyAsBytes(), Reservation.Release.class));
                ctx.status(204);
            });
            config.routes.post(NodeChannel.DISCONNECT, ctx -> {
                management(ctx);
                ctx.json(admission.disconnect(JSON.readValue(ctx.bodyAsBytes(), Disconnect.Request.class)));
            });
            config.routes.get(NodeChannel.METRICS, ctx -> {
                scraper(ctx);
                ctx.contentType(AgentMetrics.CONTENT_TYPE).result(metrics.scrape());
            });
            config.routes.exception(AdmissionException.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
            config.routes.exception(com.fasterxml.jackson.core.JacksonException.class, (e, ctx) -> refuse(ctx, 400,
                    "The body is not the node channel's JSON: " + e.getOriginalMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("A node-to-node request failed", e);
                refuse(ctx, 500, "internal error: " + e.getMessage());
            });
        }).start();
        return new PeerServer(http);
    }

    private static String commonName(Context ctx) {
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(CERTIFICATES);
        if (chain == null || chain.length == 0) {
            throw AdmissionException.forbidden("a client certificate from the platform's CA is required");
        }
        return CertificateInfo.of(chain[0]).subjectName().replaceFirst("^CN=", "");
    }

    private static String node(Context ctx, Function<String, Optional<String>> peers) {
        String name = commonName(ctx);
        return peers.apply(name).orElseThrow(() -> {
            LOG.warn("Refused a node-to-node request from {} ({}): not an enrolled Conferencing Node of this node's"
                    + " configuration", name, ctx.ip());
            return AdmissionException.forbidden(name + " is not an enrolled Conferencing Node of this platform");
        });
    }

    private static void management(Context ctx) {
        String name = commonName(ctx);
        if (!name.equals(NodeChannel.MANAGEMENT_COMMON_NAME)) {
            throw AdmissionException.forbidden("only the Management Node disconnects calls, not " + name);
        }
    }

    /** The Management Node, or a scraper with a certificate the CA issued for metrics. */
    private static void scraper(Context ctx) {
        String name = commonName(ctx);
        if (!name.equals(NodeChannel.MANAGEMENT_COMMON_NAME) && !name.equals(NodeChannel.METRICS_COMMON_NAME)) {
            throw AdmissionException.forbidden("/metrics is served to the Management Node and to certificates the"
                    + " platform's CA issued for metrics (" + NodeChannel.METRICS_COMMON_NAME + "), not to " + name);
        }
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).json(new ErrorResponse(message, Map.of(), null));
    }

    int port() {
        return http.port();
    }

    void stop() {
        http.stop();
    }
}
