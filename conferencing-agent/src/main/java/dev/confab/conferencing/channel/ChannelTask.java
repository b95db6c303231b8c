package dev.confab.conferencing.channel;

import java.io.IOException;
import java.time.Duration;

/**
 * One kind of call the node makes to the Management Node again and again, as a {@link RetryingLoop}
 * runs it: a step that calls once and says when to call next, the wait after a failed call, and what
 * to log when calls start failing and when they succeed again. Implementations keep what the calls
 * learn (the answered interval, the replica) and are run by one loop at a time.
 */
interface ChannelTask {

    /**
     * Calls the Management Node once and returns how long to wait before the next call. Throws
     * {@link ChannelRefusedException} when the Management Node refused the node (the loop ends),
     * IOException when the call went unanswered or failed (a network error, HTTP 5xx: retried).
     */
    Duration step() throws IOException, InterruptedException;

    /**
     * How long to wait after a step that failed with {@code failure} before the next one; a
     * {@link ManagementUnreachableException} says no connection could be opened at all.
     */
    Duration retryDelay(Exception failure);

    /** Logs the first failure of a series: the loop keeps retrying, quietly, until a step succeeds. */
    void failing(Exception failure);

    /** Logs the first success after failures; nothing by default. */
    default void recovered() {
    }
}
