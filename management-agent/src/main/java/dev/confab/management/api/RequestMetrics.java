package dev.confab.management.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.router.Endpoint;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request of the administrator interface and the management API as
 * {@code confab.http.requests}, by method, route and status. The route is the template the request
 * matched ({@code /api/admin/configuration/v1/worker_vm/{id}/}), never the raw path, so the series
 * stay as few as the routes; a request no route matched (a 404, a static file) is counted under
 * {@value #UNMATCHED}. Each timer is made once per method, route and status. Thread-safe.
 */
public final class RequestMetrics {

    /** The route of requests that matched none. */
    static final String UNMATCHED = "unmatched";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofMillis(2500)};

    private record Key(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void register(JavalinConfig config) {
        config.requestLogger.http(this::record);
    }

    private void record(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        record(ctx.method().name(), endpoint == null ? UNMATCHED : endpoint.path, ctx.statusCode(),
                (long) (millis * 1_000_000L));
    }

    /** Records one request that took {@code nanos}. */
    void record(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(method, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder("confab.http.requests")
                .description("Requests to the administrator interface and the management API")
                .tag("method", key.method()).tag("route", key.route()).tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
