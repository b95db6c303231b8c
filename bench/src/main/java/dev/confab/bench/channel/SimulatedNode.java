package dev.confab.bench.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.NodeChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated Conferencing Node: its own key and CA-issued certificate, its own HTTP client (its
 * own mutual TLS connections), heartbeats at the interval the Management Node sets with ±10 %
 * jitter, and the configuration long-poll. It parses each answer as the agent does but keeps only
 * the revision and checksum, so that a thousand of them fit in one JVM. Thread-safe.
 */
final class SimulatedNode {

    private static final ObjectMapper JSON = NodeChannel.json();

    private final HttpClient http;
    private final URI heartbeatUri;
    private final String configUri;
    private final Map<Long, Long> appliedNanos = new ConcurrentHashMap<>();
    private final byte[] heartbeatTemplate;
    private volatile long revision = -1;
    private volatile long intervalMillis = 10_000;
    private volatile boolean running = true;
    private volatile String lastError = "";

    SimulatedNode(String address, int port, X509Certificate ca, IssuedCertificate identity, Executor executor) {
        this.http = HttpClient.newBuilder().sslContext(TlsMaterial.clientContext(ca, identity)).executor(executor)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        this.heartbeatUri = URI.create("https://" + address + ":" + port + NodeChannel.HEARTBEAT);
        this.configUri = "https://" + address + ":" + port + NodeChannel.CONFIG + "?" + NodeChannel.SINCE + "=";
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(configUri + revision))
                .timeout(Duration.ofSeconds(60)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            try {
                if (error == null && response.statusCode() == 200) {
                    ConfigUpdate update = JSON.readValue(response.body(), ConfigUpdate.class);
                    if (update.revision() != revision) {
                        appliedNanos.put(update.revision(), now);
                        revision = update.revision();
                    }
                    poll(timer);
                    return;
                }
            } catch (IOException e) {
                error = e;
            }
            lastError = error != null ? error.toString() : "HTTP " + response.statusCode();
            timer.schedule(() -> poll(timer), 1, TimeUnit.SECONDS);
        });
    }

    /** Heartbeats at the interval the answers set, with jitter, until {@link #stop()}. */
    void heartbeatPeriodically(ScheduledExecutorService timer) {
        if (!running) {
            return;
        }
        heartbeat().whenComplete((status, error) -> {
            long interval = intervalMillis;
            long jitter = ThreadLocalRandom.current().nextLong(-interval / 10, interval / 10 + 1);
            timer.schedule(() -> heartbeatPeriodically(timer), interval + jitter, TimeUnit.MILLISECONDS);
        });
    }

    /** One heartbeat; completes with the HTTP status. */
    CompletableFuture<Integer> heartbeat() {
        HttpRequest request = HttpRequest.newBuilder(heartbeatUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(heartbeatTemplate)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() == 200) {
                try {
                    intervalMillis = JSON.readValue(response.body(), HeartbeatAnswer.class).intervalMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return response.statusCode();
        });
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

    void stop() {
        running = false;
    }
}
