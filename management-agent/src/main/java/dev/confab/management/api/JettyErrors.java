package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals made before any route runs (a request line too long: 414, headers too large: 431, a
 * request that is not valid HTTP: 400), answered with the API's JSON error
 * {@code {"error": …, "fields": {}}} instead of Jetty's HTML page. The path of such a request may
 * not even be known, so every one of them is answered so. Stateless; thread-safe.
 *
 * <p>The limit of {@value #REQUEST_HEADER_BYTES} bytes is enforced by the first handler, on a
 * request Jetty has read whole ({@link #PARSER_BYTES} at most). Were Jetty's parser to stop at the
 * limit, it would answer and close the connection with the rest of the request unread; the kernel
 * then resets the connection, and a client still sending loses the answer it was sent.
 */
public final class JettyErrors extends ErrorHandler {

    /** The most the Management Node takes of a request line and its headers together (Jetty's default). */
    public static final int REQUEST_HEADER_BYTES = 8192;
    /** The most Jetty's parser reads of a request line and its headers; beyond, Jetty refuses by itself. */
    static final int PARSER_BYTES = 8 * REQUEST_HEADER_BYTES;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrors() {
    }

    /**
     * Fixes the header limits and answers Jetty's refusals with {@link JettyErrors}; call it before
     * any other handler is added, so that the limit is checked first.
     */
    public static void install(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(PARSER_BYTES));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.routes.before(JettyErrors::checkHeaderSize);
    }

    /** Refuses a request whose request line (414) or request line and headers (431) are over the limit. */
    static void checkHeaderSize(Context ctx) throws JsonProcessingException {
        HttpServletRequest request = ctx.req();
        String query = request.getQueryString();
        long line = request.getMethod().length() + 1L + request.getRequestURI().length()
                + (query == null ? 0 : 1 + query.length()) + 1 + request.getProtocol().length() + 2;
        long total = line + 2;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                total += name.length() + 2L + values.nextElement().length() + 2;
            }
        }
        int code = line > REQUEST_HEADER_BYTES ? 414 : total > REQUEST_HEADER_BYTES ? 431 : 0;
        if (code != 0) {
            ctx.status(code).contentType("application/json").result(body(code, null));
            ctx.skipRemainingHandlers();
        }
    }

    private static byte[] body(int code, String message) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message(code, message));
        body.put("fields", Map.of());
        return JSON.writeValueAsBytes(body);
    }

    /** Every method gets the error body (Jetty's default gives one to GET and POST only), except HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return !HttpMethod.HEAD.is(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
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
