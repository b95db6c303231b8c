package dev.confab.management.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * The refusal of a request body over a limit, so that the client reads it: what is left of the body
 * is read and dropped (up to {@link #DRAIN_BYTES}) unless the client waits for {@code 100 Continue},
 * and the connection is closed after the answer. Stateless and thread-safe.
 */
public final class OversizedBody {

    /** How much of an over-large body is read and dropped before the answer. */
    static final long DRAIN_BYTES = 16L << 20;

    private OversizedBody() {
    }

    /** Whether the request says, before any of it is read, that its body is over {@code limit} bytes. */
    public static boolean declaredOver(Context ctx, long limit) {
        return ctx.req().getContentLengthLong() > limit;
    }

    /** The refusal of a body whose declared length is over the limit, after reading the body when not far too large. */
    public static ContentTooLargeException refuseDeclared(Context ctx, String message) {
        if (ctx.req().getContentLengthLong() <= DRAIN_BYTES && !waitsForContinue(ctx)) {
            try (InputStream in = ctx.req().getInputStream()) {
                drain(in);
            } catch (IOException e) {
                // the client went away: the answer goes out all the same
            }
        }
        return refusal(ctx, message);
    }

    /**
     * What is left of the body may stay unread, so the connection cannot carry another request: say
     * so, or a client that keeps connections alive sends its next request into one being closed.
     */
    static ContentTooLargeException refusal(Context ctx, String message) {
        ctx.header("Connection", "close");
        return new ContentTooLargeException(message);
    }

    /** Whether the client waits for {@code 100 Continue} before it sends the body (curl does for large ones). */
    private static boolean waitsForContinue(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** Reads and drops what is left of a body, at most {@link #DRAIN_BYTES}. */
    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }
}
