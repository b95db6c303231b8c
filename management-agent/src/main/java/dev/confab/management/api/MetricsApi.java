package dev.confab.management.api;

import dev.confab.shared.metrics.AgentMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /metrics}: the Management Node's meters in the Prometheus text format, served to the
 * credentials the management API takes (HTTP Basic with the web administration account, a Bearer
 * API token) and to the scrape token of the global settings, never anonymously: without accepted
 * credentials the answer is the API's JSON 401 (or 429 past the guess throttle). Thread-safe.
 */
public final class MetricsApi {

    public static final String PATH = "/metrics";

    private final AgentMetrics metrics;
    private final ApiAuth auth;
    private final Function<String, Optional<String>> scrapeToken;

    /** {@code scrapeToken} names the user of a Bearer token that is the scrape token. */
    public MetricsApi(AgentMetrics metrics, ApiAuth auth, Function<String, Optional<String>> scrapeToken) {
        this.metrics = metrics;
        this.auth = auth;
        this.scrapeToken = scrapeToken;
    }

    public void register(JavalinConfig config) {
        config.routes.before(PATH, this::authenticate);
        config.routes.get(PATH, ctx -> ctx.contentType(AgentMetrics.CONTENT_TYPE).result(metrics.scrape()));
        ApiMethods.refuseOthers(config, PATH, "the metrics", "get");
    }

    private void authenticate(Context ctx) {
        if (ctx.header("Authorization") == null) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Confab Management Node\", charset=\"UTF-8\"");
            throw new UnauthorizedException("Authentication required: /metrics is served to the web administration"
                    + " account (HTTP Basic), an API token, or the scrape token of the global settings"
                    + " (metrics_scrape_token), each as Bearer.");
        }
        auth.authenticate(ctx, scrapeToken);
    }
}
