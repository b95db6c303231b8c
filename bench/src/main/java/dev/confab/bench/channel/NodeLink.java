package dev.confab.bench.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated node's way to the Management Node: an HTTP/1.1 {@link NodeConnection}, one request at
 * a time, or an HTTP/2 {@link MultiplexedConnection}, any number at once. Both open on the first
 * request and again on the first one after they closed.
 */
interface NodeLink {

    /** {@code GET pathAndQuery}, asking for gzip as the agent does. */
    CompletableFuture<NodeConnection.Answer> get(String pathAndQuery, Duration timeout);

    /** {@code POST path} with a JSON body, which must not change afterwards (it is sent as it is). */
    CompletableFuture<NodeConnection.Answer> postJson(String path, byte[] json, Duration timeout);

    /** Closes the connection; the requests under way and those waiting fail. A later request opens it again. */
    void close();
}
