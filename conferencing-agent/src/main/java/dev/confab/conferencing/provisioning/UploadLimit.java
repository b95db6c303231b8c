package dev.confab.conferencing.provisioning;

import dev.confab.shared.nodeconfig.NodeConfigReader;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * The most the upload page takes in one request ({@value #MAX_UPLOAD_MIB} MiB), and how an upload
 * over it is recognised and drained. Uploads up to the limit reach the reader, which refuses anything
 * over 1 MiB with its own message; the limit only keeps a wrong or hostile upload from being read
 * without end. Stateless.
 */
final class UploadLimit {

    /** The largest request the page reads, in MiB. */
    static final long MAX_UPLOAD_MIB = 8;
    static final long MAX_UPLOAD_BYTES = MAX_UPLOAD_MIB * 1024 * 1024;
    /**
     * How much of a refused body is read and dropped so that the client, still sending, gets to read
     * the answer instead of a reset connection; a larger body gets the answer and a closed connection.
     */
    private static final long DRAIN_BYTES = 128L * 1024 * 1024;

    static final String MESSAGE = "The upload is larger than " + MAX_UPLOAD_MIB + " MiB, the most this page accepts."
            + " A Conferencing Node's configuration file is far smaller: a few kilobytes, never more than "
            + NodeConfigReader.MAX_BYTES / (1024 * 1024) + " MiB. Upload the pexip-<hostname>.<domain>.xml file"
            + " that the Management Node made for this node.";

    private UploadLimit() {
    }

    /** Whether the request says, before any of it is read, that its body is over the limit. */
    static boolean declaredTooLarge(Context ctx) {
        return ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES;
    }

    /**
     * Whether {@code failure}, thrown while the multipart body was parsed, is Jetty's refusal of a body
     * or part over the configured limits ({@code "max length exceeded"}, {@code "max file size exceeded"}):
     * a body without {@code Content-Length} (chunked) is only found too large while it is read.
     */
    static boolean isLimitFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (cause instanceof IllegalStateException && message != null && message.startsWith("max ")
                    && message.contains("exceeded")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Reads and drops what is left of the body, up to a bound, unless the client waits for
     * {@code 100 Continue} (curl does for large bodies): it has sent nothing and needs to send nothing.
     */
    static void drain(Context ctx) {
        String expect = ctx.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (InputStream body = ctx.req().getInputStream()) {
            for (int n = body.read(buffer); n >= 0 && read < DRAIN_BYTES; n = body.read(buffer)) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the body was already consumed: the answer goes out all the same
        }
    }
}
