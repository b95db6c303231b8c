package dev.confab.conferencing.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits, in real time, for something other threads do: polls a probe until it answers or a timeout
 * passes, then fails saying what did not happen. A probe answers with a value; {@code null} or
 * {@code false} mean "not yet". Use it only for what runs on real threads (servers, processes);
 * what runs on a {@link ManualScheduler} is driven, not awaited.
 */
public final class Await {

    /** How long {@link #until(String, Callable)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** The probe's first answer within {@link #DEFAULT_TIMEOUT}; an AssertionError naming {@code what} after it. */
    public static <T> T until(String what, Callable<T> probe) throws Exception {
        return until(what, DEFAULT_TIMEOUT, probe);
    }

    /** The probe's first answer within {@code timeout}; an AssertionError naming {@code what} after it. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        do {
            last = probe.call();
            if (answered(last)) {
                return last;
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.nanoTime() - deadline < 0);
        last = probe.call();
        if (answered(last)) {
            return last;
        }
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                + " (the probe last answered " + last + ")");
    }

    static boolean answered(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }
}
