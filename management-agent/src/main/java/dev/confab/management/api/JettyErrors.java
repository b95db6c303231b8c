package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jetty's own refusals, made before any route runs (a request line too long: 414, headers too
 * large: 431, a request that is not valid HTTP: 400), answered with the API's JSON error
 * {@code {"error": …, "fields": {}}} instead of Jetty's HTML page. The path of such a request may
 * not even be known, so every one of them is answered so. Stateless; thread-safe.
 */
public final class JettyErrors extends ErrorHandler {

    /** The most Jetty reads of a request line and its headers together (Jetty's default, fixed here). */
    public static final int REQUEST_HEADER_BYTES = 8192;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrors() {
    }

    /** Fixes the header limit and answers Jetty's refusals with {@link JettyErrors}. */
    public static void install(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    }

    /** Every method gets the error body (Jetty's default gives one to GET and POST only), except HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return !HttpMethod.HEAD.is(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message(code, message));
        body.put("fields", Map.of());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }

    /** What went wrong and what to do, for Jetty's terse reason ({@code reason} may be null). */
    static String message(int code, String reason) {
        String said = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return switch (code) {
            case 400 -> "The request is not valid HTTP" + said + ": send a well-formed HTTP/1.1 request.";
            case 413 -> "The request body is too large: the API takes at most " + JsonBody.MAX_BYTES + " bytes (1 MiB).";
            case 414 -> "The request URI is too long: the Management Node reads at most " + REQUEST_HEADER_BYTES
                    + " bytes of request line and headers. Send fewer or shorter query parameters.";
            case 431 -> "The request headers are too large: the Management Node reads at most " + REQUEST_HEADER_BYTES
                    + " bytes of request line and headers. Send fewer or smaller headers (cookies, tokens).";
            default -> "The request was refused (HTTP " + code + said + ").";
        };
    }
}
