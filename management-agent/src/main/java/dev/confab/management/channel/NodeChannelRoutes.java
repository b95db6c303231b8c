package dev.confab.management.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.ApiErrors;
import dev.confab.management.calls.Calls;
import dev.confab.management.resource.ValidationException;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.NodeChannel;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The node channel's Javalin routes for enrolled nodes, each behind the client certificate check:
 * {@code POST /node/v1/licence} (a licence for one call) and {@code GET /node/v1/participants} (a
 * conference's participants). Heartbeats and the configuration long-poll, which every node sends
 * all the time, are answered before Javalin ({@link FrequentRequests}).
 */
final class NodeChannelRoutes {

    private static final String NODE = "confab.node";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ChannelAuthenticator authenticator;
    private final Calls calls;
    private final ObjectMapper json = NodeChannel.json();

    NodeChannelRoutes(ChannelAuthenticator authenticator, Calls calls) {
        this.authenticator = authenticator;
        this.calls = calls;
    }

    void register(JavalinConfig config) {
        config.routes.exception(NodeNotAdmittedException.class,
                (e, ctx) -> ApiErrors.answer(ctx, e.status(), e.getMessage(), Map.of(),
                        e.node().map(node -> Map.of(NodeChannel.REFUSAL, node)).orElse(Map.of())));
        config.routes.before(NodeChannel.LICENCE, this::authenticate);
        config.routes.before(NodeChannel.PARTICIPANTS, this::authenticate);
        config.routes.post(NodeChannel.LICENCE, this::licence);
        config.routes.get(NodeChannel.PARTICIPANTS, this::participants);
    }

    private void authenticate(Context ctx) {
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(CERTIFICATES);
        ctx.attribute(NODE, authenticator.identify(chain, ctx.ip()));
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
}
