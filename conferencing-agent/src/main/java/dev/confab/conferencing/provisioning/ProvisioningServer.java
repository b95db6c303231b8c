package dev.confab.conferencing.provisioning;

import dev.confab.conferencing.AlreadyConfiguredException;
import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.conferencing.http.TlsConnector;
import dev.confab.shared.ConfabException;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.SelfSigned;
import dev.confab.shared.pki.TlsMaterial;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The node's port 8443: HTTPS with a self-signed certificate, the upload page ({@code GET /}) and
 * {@code POST /upload} (multipart field {@code file}) for the page and for {@code curl -F}. A browser
 * gets the page back with the outcome; other clients get JSON. Once the node is configured an upload
 * is answered with 409; an upload over {@link UploadLimit} with 413.
 */
public final class ProvisioningServer {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningServer.class);

    private final Javalin http;

    private ProvisioningServer(Javalin http) {
        this.http = http;
    }

    /**
     * Serves on {@code bind}:{@code port}; {@code onConfigured} runs after a successful upload's answer is
     * sent; {@code /status} answers {@code status} as JSON.
     */
    public static ProvisioningServer start(String bind, int port, NodeData data, Provisioner provisioner,
                                           Runnable onConfigured, Clock clock, Supplier<Map<String, Object>> status) {
        IssuedCertificate identity = SelfSigned.generate("confab-conferencing-node", List.of(bind), Duration.ofDays(825),
                clock);
        data.savePublic(data.provisioningCertificate(), identity.certificate());
        char[] password = Tokens.random(18).toCharArray();
        KeyStore keyStore = TlsMaterial.keyStore(List.of(identity.certificate()), identity.privateKey(), password);
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector(new TlsConnector(bind, port, keyStore, password).factory());
            config.jetty.multipartConfig.maxFileSize(UploadLimit.MAX_UPLOAD_MIB, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(UploadLimit.MAX_UPLOAD_MIB, SizeUnit.MB);
            config.http.maxRequestSize = UploadLimit.MAX_UPLOAD_BYTES;
            config.routes.get("/", ctx -> ctx.html(UploadPage.render(bind, data.enrolledFqdn().isPresent(),
                    UploadPage.Outcome.NONE, "")));
            config.routes.get("/status", ctx -> ctx.json(status.get()));
            config.routes.post("/upload", ctx -> upload(ctx, bind, data, provisioner, onConfigured));
        }).start();
        return new ProvisioningServer(http);
    }

    private static void upload(Context ctx, String bind, NodeData data, Provisioner provisioner, Runnable onConfigured) {
        try {
            if (UploadLimit.declaredTooLarge(ctx)) {
                refuseTooLarge(ctx, bind, data);
                return;
            }
            UploadedFile file;
            try {
                file = ctx.uploadedFile("file");
            } catch (Exception e) {
                // Jetty throws the checked ServletException through Javalin when the body breaks a limit
                if (UploadLimit.isLimitFailure(e)) {
                    refuseTooLarge(ctx, bind, data);
                    return;
                }
                // any other broken body is answered below as an upload that could not be read
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
            }
            if (file == null) {
                throw new ConferencingException("No file was uploaded: send the configuration file as the multipart"
                        + " field \"file\" (curl -F file=@pexip-<hostname>.<domain>.xml).");
            }
            byte[] content;
            try (InputStream in = file.content()) {
                content = in.readNBytes(dev.confab.shared.nodeconfig.NodeConfigReader.MAX_BYTES + 1);
            }
            Provisioner.Result result = provisioner.apply(content);
            String message = "Configured as " + result.fqdn() + " and enrolled with the Management Node (certificate "
                    + result.certificateSerial() + "). The node now restarts into configured mode.";
            answer(ctx, 200, bind, true, UploadPage.Outcome.SUCCESS, message, Map.of("status", "configured",
                    "fqdn", result.fqdn(), "node_id", result.nodeId(), "message", message));
            Thread restart = new Thread(() -> {
                sleepQuietly(300);
                onConfigured.run();
            }, "confab-restart");
            restart.setDaemon(false);
            restart.start();
        } catch (AlreadyConfiguredException e) {
            answer(ctx, 409, bind, true, UploadPage.Outcome.ERROR, e.getMessage(), Map.of("error", e.getMessage()));
        } catch (ConfabException e) {
            LOG.warn("Upload refused: {}", e.getMessage());
            answer(ctx, 400, bind, data.enrolledFqdn().isPresent(), UploadPage.Outcome.ERROR, e.getMessage(),
                    Map.of("error", e.getMessage()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Upload failed", e);
            String message = "The upload could not be read (" + e.getMessage() + "); upload the file again.";
            answer(ctx, 400, bind, data.enrolledFqdn().isPresent(), UploadPage.Outcome.ERROR, message,
                    Map.of("error", message));
        }
    }

    private static void refuseTooLarge(Context ctx, String bind, NodeData data) {
        LOG.warn("Upload refused: larger than {} MiB", UploadLimit.MAX_UPLOAD_MIB);
        UploadLimit.drain(ctx);
        // what is left of the body may stay unread (past the drain's bound, or parsed in part already), so the
        // connection cannot carry another request: say so, or a client that keeps connections alive sends its
        // next request into one Jetty is closing and reads no answer at all
        ctx.header("Connection", "close");
        answer(ctx, 413, bind, data.enrolledFqdn().isPresent(), UploadPage.Outcome.ERROR, UploadLimit.MESSAGE,
                Map.of("error", UploadLimit.MESSAGE));
    }

    private static void answer(Context ctx, int status, String bind, boolean configured, UploadPage.Outcome outcome,
                               String message, Map<String, Object> json) {
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.html(UploadPage.render(bind, configured, outcome, message));
        } else {
            ctx.json(json);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return http.port();
    }

    public void stop() {
        http.stop();
    }
}
