package dev.confab.conferencing.channel;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * How a call to the Management Node failed at the connection level, judged from the exception the
 * HTTP client threw (the failure itself or any of its causes). Pure.
 */
enum ConnectionFailure {

    /**
     * No connection could be opened: refused (nothing listens on the port, as while the Management
     * Node restarts), no route, or no answer to the attempt within the connect timeout. Trying
     * again costs the Management Node nothing.
     */
    UNREACHABLE,
    /**
     * A connection failed under the call: reset, closed, or ended before the answer, as a
     * kept-alive connection does once the Management Node that held its other end is gone.
     */
    LOST,
    /** Not a failure of the connection: an answer that was not 200, a wait for it that timed out, a TLS refusal. */
    NONE;

    /** How deep to look into causes; the HTTP client wraps a failure in one or two of its own. */
    private static final int MAX_CAUSES = 8;

    static ConnectionFailure of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof HttpConnectTimeoutException) {
                return UNREACHABLE;
            }
            if (cause instanceof EOFException || cause instanceof ClosedChannelException
                    || cause instanceof SocketException) {
                return LOST;
            }
        }
        return NONE;
    }
}
