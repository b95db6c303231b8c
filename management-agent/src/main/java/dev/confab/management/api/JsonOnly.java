package dev.confab.management.api;

import io.javalin.http.Context;

import java.util.Locale;
import java.util.Set;

/**
 * A before-handler of the management API: a POST, PUT or PATCH with a body must send it as
 * {@code application/json} (a {@code charset} parameter is allowed). Another site's page can post a
 * form or {@code text/plain} without asking, but not JSON, so this alone keeps such a page from
 * writing with credentials a browser remembers. Stateless.
 */
public final class JsonOnly {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    private JsonOnly() {
    }

    /** Answers 415 when the request carries a body that is not declared as JSON. */
    public static void check(Context ctx) {
        if (!WRITES.contains(ctx.method().name()) || !hasBody(ctx)) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type != null && isJson(type)) {
            return;
        }
        throw new UnsupportedMediaTypeException("The management API takes request bodies as JSON only: send the body"
                + " with the header Content-Type: application/json ("
                + (type == null ? "the request named no content type" : "not " + type) + ").");
    }

    /**
     * {@code application/json}, in any case, with no parameter other than {@code charset=utf-8}: JSON
     * is UTF-8 (RFC 8259), and the body is read as UTF-8 whatever another charset would claim.
     */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !parameter.replace("\"", "").equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }
}
