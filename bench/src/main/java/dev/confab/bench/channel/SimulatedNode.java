package dev.confab.bench.channel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.NodeChannel;
import io.netty.handler.ssl.SslContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One simulated Conferencing Node: its own key and CA-issued certificate (its own TLS context) and
 * its own kept-alive mutual TLS connection on the shared {@link NodeTransport}: over HTTP/2 one,
 * carrying the heartbeats and the configuration long-poll at once, as the agent's; over HTTP/1.1
 * two, one for each; heartbeats at the interval the Management Node
 * sets with ±10 % jitter, and a failed poll tried again after 2 s ±10 %, as the agent does. It
 * parses each answer as the agent does but keeps only the revision, so that a thousand of them fit
 * in one JVM. The answers are parsed on the transport's event loop. Thread-safe.
 */
final class SimulatedNode {

    private static final ObjectMapper JSON = NodeChannel.json();
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONFIG_PATH = NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=";
    /** The agent's wait before it polls again after a failure (ReplicationTask.RETRY), jittered as it does. */
    private static final long POLL_RETRY_MILLIS = 2_000;

    private final IssuedCertificate identity;
    private final NodeLink heartbeats;
    private final NodeLink polls;
    /** Whether a periodic heartbeat closes its connection once answered (a fleet larger than the descriptors allow). */
    private final boolean heartbeatConnectionEach;
    private final Map<Long, Long> appliedNanos = new ConcurrentHashMap<>();
    private final byte[] heartbeatTemplate;
    private volatile long revision = -1;
    private volatile int largestAnswer;
    private volatile long intervalMillis = 10_000;
    private volatile boolean running = true;
    private volatile String lastError = "";

    SimulatedNode(NodeTransport transport, String address, int port, X509Certificate ca, IssuedCertificate identity,
                  boolean heartbeatConnectionEach) {
        SslContext tls = transport.clientContext(ca, identity);
        this.identity = identity;
        this.heartbeats = transport.link(address, port, tls);
        // over HTTP/2 the long-poll waits on the heartbeats' connection
        this.polls = transport.http2() ? heartbeats : transport.link(address, port, tls);
        if (heartbeatConnectionEach && transport.http2()) {
            throw new IllegalArgumentException("over HTTP/2 a node keeps its one connection: its long-poll waits on it");
        }
        this.heartbeatConnectionEach = heartbeatConnectionEach;
        try {
            this.heartbeatTemplate = JSON.writeValueAsBytes(new Heartbeat("bench", Instant.now().toString(), 0,
                    Capacity.ofCpus(8), Heartbeat.Load.idle(), false, 8, 16384));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Long-polls for ever (until {@link #stop()}), retrying after a second on a failure. */
    void poll(ScheduledExecutorService timer) {
        if (!running) {
            return;
        }
        polls.get(CONFIG_PATH + revision, POLL_TIMEOUT).whenComplete((response, error) -> {
            long now = System.nanoTime();
            try {
                if (error == null && response.status() == 200) {
                    largestAnswer = Math.max(largestAnswer, response.body().length);
                    long answered = revisionOf(response.body());
                    if (answered != revision) {
                        appliedNanos.put(answered, now);
                        revision = answered;
                    }
                    poll(timer);
                    return;
                }
            } catch (IOException e) {
                error = e;
            }
            lastError = error != null ? error.toString() : "HTTP " + response.status();
            timer.schedule(() -> poll(timer), jittered(POLL_RETRY_MILLIS), TimeUnit.MILLISECONDS);
        });
    }

    /**
     * The {@code revision} of a configuration answer, read without building its objects: applying
     * an answer is each node's own work, on its own machine; the simulator, which stands for a
     * thousand nodes on the Management Node's machine, reads only what it measures.
     */
    static long revisionOf(byte[] answer) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a configuration answer is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("revision".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("a configuration answer without its revision");
    }

    /** Heartbeats at the interval the answers set, with jitter, until {@link #stop()}. */
    void heartbeatPeriodically(ScheduledExecutorService timer) {
        if (!running) {
            return;
        }
        heartbeat().whenComplete((status, error) -> {
            if (heartbeatConnectionEach) {
                heartbeats.close();
            }
            timer.schedule(() -> heartbeatPeriodically(timer), jittered(intervalMillis), TimeUnit.MILLISECONDS);
        });
    }

    /** {@code millis} ±10 %, uniformly. */
    private static long jittered(long millis) {
        return millis + ThreadLocalRandom.current().nextLong(-millis / 10, millis / 10 + 1);
    }

    /** One heartbeat; completes with the HTTP status. */
    CompletableFuture<Integer> heartbeat() {
        CompletableFuture<NodeConnection.Answer> sent =
                heartbeats.postJson(NodeChannel.HEARTBEAT, heartbeatTemplate, HEARTBEAT_TIMEOUT);
        return sent.thenApply(response -> {
            if (response.status() == 200) {
                try {
                    intervalMillis = JSON.readValue(response.body(), HeartbeatAnswer.class).intervalMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return response.status();
        });
    }

    /**
     * This node's heartbeats to another server on the same setup (the bare echo server): its own
     * identity, trusting {@code ca}, over a connection of its own; each call sends one and completes
     * with the HTTP status.
     */
    Supplier<CompletableFuture<Integer>> heartbeatsTo(NodeTransport transport, String host, int port, X509Certificate ca) {
        NodeLink connection = transport.link(host, port, transport.clientContext(ca, identity));
        return () -> connection.postJson(NodeChannel.HEARTBEAT, heartbeatTemplate, HEARTBEAT_TIMEOUT)
                .thenApply(NodeConnection.Answer::status);
    }

    /**
     * Starts from {@code held}, as a node that kept its replica on disk and reconnects (after a
     * restart of the Management Node) does: its first poll asks for what changed since, not for
     * the whole configuration. Call before {@link #poll}.
     */
    void holds(long held) {
        revision = held;
    }

    /** The largest configuration answer received, in bytes. */
    int largestAnswer() {
        return largestAnswer;
    }

    /** What went wrong with the last failed poll, or empty. */
    String lastError() {
        return lastError;
    }

    long revision() {
        return revision;
    }

    /** When (System.nanoTime) the node received {@code atLeast} or a newer revision, or -1. */
    long appliedNanos(long atLeast) {
        return appliedNanos.entrySet().stream().filter(entry -> entry.getKey() >= atLeast)
                .mapToLong(Map.Entry::getValue).min().orElse(-1);
    }

    /**
     * Ends the periodic heartbeats and the long-poll; {@link #heartbeat()} still works. Over HTTP/1.1
     * the long-poll's connection closes; over HTTP/2 the one waiting ends at the poll timeout.
     */
    void stop() {
        running = false;
        if (polls != heartbeats) {
            polls.close();
        }
    }

    /** Closes the heartbeat connection (a later heartbeat opens it again). */
    void closeHeartbeats() {
        heartbeats.close();
    }
}
