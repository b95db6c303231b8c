package dev.confab.management.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.ApiErrors;
import dev.confab.management.calls.Calls;
import dev.confab.management.health.NodeMonitor;
import dev.confab.management.replication.EncodedAnswer;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.ValidationException;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.server.Request;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The node channel's routes for enrolled nodes, each behind the client certificate check:
 * {@code POST /node/v1/heartbeat} (the node's health and calls; the answer carries the load the
 * node places calls by), the {@code GET /node/v1/config} long-poll, {@code POST /node/v1/licence}
 * (a licence for one call) and {@code GET /node/v1/participants} (a conference's participants).
 */
final class NodeChannelRoutes {

    private static final String NODE = "confab.node";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ChannelAuthenticator authenticator;
    private final NodeMonitor monitor;
    private final ReplicationHub replication;
    private final Calls calls;
    private final ObjectMapper json = NodeChannel.json();

    NodeChannelRoutes(ChannelAuthenticator authenticator, NodeMonitor monitor, ReplicationHub replication,
                      Calls calls) {
        this.authenticator = authenticator;
        this.monitor = monitor;
        this.replication = replication;
        this.calls = calls;
    }

    void register(JavalinConfig config) {
        config.routes.exception(NodeNotAdmittedException.class,
                (e, ctx) -> ApiErrors.answer(ctx, e.status(), e.getMessage(), Map.of(),
                        e.node().map(node -> Map.of(NodeChannel.REFUSAL, node)).orElse(Map.of())));
        config.routes.before(NodeChannel.HEARTBEAT, this::authenticate);
        config.routes.before(NodeChannel.CONFIG, this::authenticate);
        config.routes.before(NodeChannel.LICENCE, this::authenticate);
        config.routes.before(NodeChannel.PARTICIPANTS, this::authenticate);
        config.routes.post(NodeChannel.HEARTBEAT, this::heartbeat);
        config.routes.get(NodeChannel.CONFIG, this::config);
        config.routes.post(NodeChannel.LICENCE, this::licence);
        config.routes.get(NodeChannel.PARTICIPANTS, this::participants);
    }

    private void authenticate(Context ctx) {
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(CERTIFICATES);
        ctx.attribute(NODE, authenticator.identify(chain, ctx.ip()));
    }

    private void heartbeat(Context ctx) throws Exception {
        ChannelNode node = ctx.attribute(NODE);
        Heartbeat heartbeat = json.readValue(ctx.bodyAsBytes(), Heartbeat.class);
        ctx.json(calls.heartbeat(node.nodeId(), node.name(), heartbeat, monitor.heartbeat(node.nodeId(), heartbeat)));
    }

    private void licence(Context ctx) throws Exception {
        ChannelNode node = ctx.attribute(NODE);
        LicenceRequest request = json.readValue(ctx.bodyAsBytes(), LicenceRequest.class);
        if (request.participant() == null || request.participant().uuid() == null
                || request.participant().conference() == null || request.participant().callType() == null) {
            throw new ValidationException("A licence request names its call: participant with uuid, conference and"
                    + " callType.");
        }
        ctx.json(calls.licence(node.nodeId(), request));
    }

    private void participants(Context ctx) {
        String conference = ctx.queryParam(NodeChannel.CONFERENCE);
        if (conference == null || conference.isBlank()) {
            throw new ValidationException("Name the conference: ?" + NodeChannel.CONFERENCE + "=NAME.");
        }
        ctx.json(calls.participants(conference));
    }

    private void config(Context ctx) {
        ChannelNode node = ctx.attribute(NODE);
        long since = since(ctx.queryParam(NodeChannel.SINCE));
        if (since >= 0 && since <= replication.current().revision()) {
            monitor.applied(node.nodeId(), since);
        }
        boolean gzip = acceptsGzip(ctx.header(Header.ACCEPT_ENCODING));
        CompletableFuture<ConfigUpdate> poll = replication.poll(since);
        // a node that went away while its poll waited (its HTTP/2 stream reset, its connection closed)
        // frees the poll at once; the request is gone, so nothing is written and Javalin is never told
        Request request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            request.addFailureListener(failure -> poll.cancel(false));
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        poll.thenAccept(update -> {
            EncodedAnswer answer = replication.encode(update, since, node.nodeId());
            ctx.contentType("application/json");
            if (gzip && answer.compresses()) {
                // compressed once per answer, not per node; Javalin compresses nothing already encoded
                ctx.header(Header.CONTENT_ENCODING, "gzip").result(answer.gzip());
            } else {
                ctx.result(answer.json());
            }
        }).whenComplete((written, error) -> {
            if (poll.isCancelled()) {
                return;
            }
            if (error != null) {
                answered.completeExceptionally(error);
            } else {
                answered.complete(null);
            }
        });
        ctx.future(() -> answered);
    }

    /** Whether an {@code Accept-Encoding} header lists gzip with a weight above zero (Jetty parses the weights). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        QuotedQualityCSV codings = new QuotedQualityCSV();
        codings.addValue(acceptEncoding);
        return codings.getValues().stream().anyMatch("gzip"::equalsIgnoreCase);
    }

    private static long since(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("since must be the revision the node holds, a whole number (or -1 for"
                    + " a snapshot).");
        }
    }
}
