package dev.confab.management.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.ApiErrors;
import dev.confab.management.calls.Calls;
import dev.confab.management.health.NodeMonitor;
import dev.confab.management.replication.EncodedAnswer;
import dev.confab.management.replication.ReplicationHub;
import dev.confab.management.resource.ValidationException;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.NodeChannel;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node channel's two frequent requests, answered in a Jetty core handler in front of Javalin:
 * {@code POST /node/v1/heartbeat} (every node, every few seconds) and the {@code GET /node/v1/config}
 * long-poll (every node, after every change). Each costs the request Jetty parsed and nothing more:
 * no servlet request, asynchronous context or Javalin context is made for it, which a fleet of
 * thousands pays for on every heartbeat and holds for every waiting poll. They are answered as the
 * Javalin routes answered them (same checks, statuses and bodies); every other request goes on to
 * Javalin. Thread-safe.
 */
final class FrequentRequests extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(FrequentRequests.class);
    /** The largest heartbeat read, as Javalin's default request size limit. */
    static final int MAX_BODY_BYTES = 1_000_000;
    private static final String JSON_TYPE = "application/json";
    /** The connection attribute holding its remote address as text. */
    private static final String REMOTE_ADDRESS = "confab.remoteAddress";

    private final ChannelAuthenticator authenticator;
    private final NodeMonitor monitor;
    private final ReplicationHub replication;
    private final Calls calls;
    private final ObjectMapper json = NodeChannel.json();

    FrequentRequests(ChannelAuthenticator authenticator, NodeMonitor monitor, ReplicationHub replication,
                     Calls calls) {
        this.authenticator = authenticator;
        this.monitor = monitor;
        this.replication = replication;
        this.calls = calls;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (NodeChannel.HEARTBEAT.equals(path) && HttpMethod.POST.is(method)) {
            heartbeat(request, response, callback);
            return true;
        }
        if (NodeChannel.CONFIG.equals(path) && HttpMethod.GET.is(method)) {
            config(request, response, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private ChannelNode authenticate(Request request) {
        X509Certificate[] chain = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
                instanceof EndPoint.SslSessionData tls ? tls.peerCertificates() : null;
        return authenticator.identify(chain, remoteAddress(request));
    }

    /**
     * The address the request came from, as text: kept on its connection, which a node's requests
     * share (one over HTTP/2), instead of being written out anew for every heartbeat and poll.
     */
    private static String remoteAddress(Request request) {
        ConnectionMetaData connection = request.getConnectionMetaData();
        if (connection.getAttribute(REMOTE_ADDRESS) instanceof String known) {
            return known;
        }
        String address = Request.getRemoteAddr(request);
        connection.setAttribute(REMOTE_ADDRESS, address);
        return address;
    }

    private void heartbeat(Request request, Response response, Callback callback) {
        ChannelNode node;
        try {
            node = authenticate(request);
        } catch (RuntimeException e) {
            fail(request, response, callback, e);
            return;
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            answer(response, callback, 413, tooLarge(), Map.of(), Map.of());
            return;
        }
        Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, unread) -> {
            if (unread != null) {
                // a body of no stated length that outgrows the limit fails the read as an illegal state;
                // else the stream or the connection failed, and there is no one to answer
                if (request.getLength() < 0 && unwrapped(unread) instanceof IllegalStateException) {
                    answer(response, callback, 413, tooLarge(), Map.of(), Map.of());
                } else {
                    callback.failed(unwrapped(unread));
                }
                return;
            }
            try {
                Heartbeat heartbeat = json.readValue(body, Heartbeat.class);
                byte[] answer = json.writeValueAsBytes(calls.heartbeat(node.nodeId(), node.name(), heartbeat,
                        monitor.heartbeat(node.nodeId(), heartbeat)));
                write(response, callback, answer, false);
            } catch (Exception e) {
                fail(request, response, callback, e);
            }
        });
    }

    private static String tooLarge() {
        return "The heartbeat is too large: the node channel takes at most " + MAX_BODY_BYTES + " bytes.";
    }

    private void config(Request request, Response response, Callback callback) {
        ChannelNode node;
        long since;
        try {
            node = authenticate(request);
            since = since(Request.extractQueryParameters(request).getValue(NodeChannel.SINCE));
        } catch (RuntimeException e) {
            fail(request, response, callback, e);
            return;
        }
        if (since >= 0 && since <= replication.current().revision()) {
            monitor.applied(node.nodeId(), since);
        }
        boolean gzip = acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
        CompletableFuture<ConfigUpdate> poll = replication.poll(since);
        // a node that went away while its poll waited (its HTTP/2 stream reset, its connection closed)
        // frees the poll at once; nothing is written to a request that failed
        AtomicReference<Throwable> gone = new AtomicReference<>();
        request.addFailureListener(failure -> {
            gone.set(failure);
            poll.cancel(false);
        });
        poll.whenComplete((update, error) -> {
            if (error != null) {
                if (poll.isCancelled()) {
                    // the request's own failure: Jetty knows it, and has no one left to answer
                    callback.failed(gone.get());
                } else {
                    fail(request, response, callback, unwrapped(error));
                }
                return;
            }
            try {
                EncodedAnswer answer = replication.encode(update, since, node.nodeId());
                // compressed once per answer, not per node
                boolean compressed = gzip && answer.compresses();
                write(response, callback, compressed ? answer.gzip() : answer.json(), compressed);
            } catch (RuntimeException e) {
                fail(request, response, callback, e);
            }
        });
    }

    private static void write(Response response, Callback callback, byte[] body, boolean gzip) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        if (gzip) {
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** {@code failure} answered as the node channel's Javalin routes answer it. */
    private void fail(Request request, Response response, Callback callback, Throwable failure) {
        if (failure instanceof NodeNotAdmittedException refused) {
            answer(response, callback, refused.status(), refused.getMessage(), Map.of(),
                    refused.node().map(node -> Map.of(NodeChannel.REFUSAL, node)).orElse(Map.of()));
        } else if (failure instanceof ValidationException invalid) {
            answer(response, callback, 400, invalid.getMessage(), invalid.fields(), Map.of());
        } else if (failure instanceof JsonProcessingException unreadable) {
            answer(response, callback, 400, "The request body is not valid JSON: " + unreadable.getOriginalMessage(),
                    Map.of(), Map.of());
        } else {
            LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getHttpURI().getPath(), failure);
            answer(response, callback, 500, "Internal error: the Management Node log has the details.", Map.of(),
                    Map.of());
        }
    }

    /** The body the management API answers errors with: {@code error}, {@code fields} and {@code extraFields}. */
    private void answer(Response response, Callback callback, int status, String message, Map<String, String> fields,
                        Map<String, String> extraFields) {
        byte[] encoded;
        try {
            encoded = json.writeValueAsBytes(ApiErrors.body(message, fields, extraFields));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, encoded.length);
        response.write(true, ByteBuffer.wrap(encoded), callback);
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Whether an {@code Accept-Encoding} header lists gzip with a weight above zero (Jetty parses the weights). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        if (acceptEncoding.equals("gzip")) {
            return true; // what the agent sends with every poll: nothing to parse
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
