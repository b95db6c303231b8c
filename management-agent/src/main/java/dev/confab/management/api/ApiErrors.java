package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that turns failures into answers: JSON {@code {"error": "...", "fields": {...}}}
 * under {@code /api/} and at {@code /metrics}, an HTML page elsewhere; with 400, 401, 403, 404, 405, 409, 413, 415, 429 or 500.
 * Javalin's and Jetty's own refusals ({@link HttpResponseException}) are answered the same way, so a
 * client never gets a plain-text or HTML error from the API.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    /** Where a client that asked for a path that does not exist finds the ones that do. */
    static final java.util.List<String> API_INDEXES = java.util.List.of("/api/admin/configuration/v1/",
            "/api/admin/status/v1/", "/api/admin/history/v1/", "/api/admin/command/v1/");

    private ApiErrors() {
    }

    /** Renders a failure as an HTML page, for requests outside the API. */
    public interface ErrorPage {
        void render(Context ctx, int status, String message);
    }

    public static void register(JavalinConfig config) {
        register(config, null);
    }

    /** Registers the mappers; failures of requests outside {@code /api/} go to {@code html} when given. */
    public static void register(JavalinConfig config, ErrorPage html) {
        config.routes.exception(ValidationException.class, (e, ctx) -> answer(ctx, html, 400, e.getMessage(), e.fields()));
        config.routes.exception(UnauthorizedException.class, (e, ctx) -> answer(ctx, html, 401, e.getMessage(), Map.of()));
        config.routes.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, html, 403, e.getMessage(), Map.of()));
        config.routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, html, 404, e.getMessage(), Map.of()));
        config.routes.exception(MethodNotAllowedException.class, (e, ctx) -> {
            ctx.header("Allow", e.allowHeader());
            answer(ctx, html, 405, e.getMessage(), Map.of());
        });
        config.routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, html, 409, e.getMessage(), Map.of()));
        config.routes.exception(ContentTooLargeException.class,
                (e, ctx) -> answer(ctx, html, 413, e.getMessage(), Map.of()));
        config.routes.exception(UnsupportedMediaTypeException.class,
                (e, ctx) -> answer(ctx, html, 415, e.getMessage(), Map.of()));
        config.routes.exception(TooManyAttemptsException.class,
                (e, ctx) -> answer(ctx, html, 429, e.getMessage(), Map.of()));
        config.routes.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, html, 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), Map.of()));
        config.routes.exception(HttpResponseException.class,
                (e, ctx) -> answer(ctx, html, e.getStatus(), frameworkMessage(ctx, e), Map.of()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, html, 500, "Internal error: the Management Node log has the details.", Map.of());
        });
    }

    /** Javalin's refusals say only their status ("Content Too Large"); say what to do as well. */
    private static String frameworkMessage(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> ctx.path().startsWith("/api/") ? "There is no " + ctx.path() + " in the management API: its"
                    + " resources are listed at " + String.join(", ", API_INDEXES) + ", and its paths end with a slash."
                    : "There is no page " + ctx.path() + " on this Management Node.";
            case 413 -> "The request body is too large: the API takes at most " + JsonBody.MAX_BYTES + " bytes (1 MiB).";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "The request was refused (HTTP "
                    + e.getStatus() + ")." : e.getMessage() + ".";
        };
    }

    private static void answer(Context ctx, ErrorPage html, int status, String message, Map<String, String> fields) {
        // /metrics answers a scraper, as the API answers a script: in JSON
        if (html != null && !ctx.path().startsWith("/api/") && !ctx.path().equals(MetricsApi.PATH)) {
            html.render(ctx, status, message);
        } else {
            answer(ctx, status, message, fields);
        }
    }

    public static void answer(Context ctx, int status, String message, Map<String, String> fields) {
        answer(ctx, status, message, fields, Map.of());
    }

    /** As {@link #answer(Context, int, String, Map)}, with {@code extraFields} added to the body's top level. */
    public static void answer(Context ctx, int status, String message, Map<String, String> fields,
                              Map<String, String> extraFields) {
        ctx.status(status).json(body(message, fields, extraFields));
    }

    /** The body of a refusal: {@code error}, {@code fields} and {@code extraFields} at the top level. */
    public static Map<String, Object> body(String message, Map<String, String> fields,
                                           Map<String, String> extraFields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("fields", fields);
        body.putAll(extraFields);
        return body;
    }
}
