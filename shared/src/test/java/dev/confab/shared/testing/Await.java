package dev.confab.shared.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for something another process or thread does: polls a probe until it succeeds or the time
 * runs out. A probe that returns {@code null} or {@code false}, or throws an exception, has not
 * succeeded yet; an {@link AssertionError} it throws ends the wait at once. On timeout it fails with
 * an {@link AssertionError} that names what it waited for, how long, the probe's last exception and,
 * where given, the state to show ({@link #showing}). Immutable; each {@link #until} call is one wait.
 */
public final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Duration timeout;
    private final Duration interval;
    private final Callable<String> state;
    private final Process process;

    private Await(Duration timeout, Duration interval, Callable<String> state, Process process) {
        this.timeout = timeout;
        this.interval = interval;
        this.state = state;
        this.process = process;
    }

    /** A wait of at most {@code timeout}, polling every 50 ms. */
    public static Await atMost(Duration timeout) {
        return new Await(timeout, POLL_INTERVAL, null, null);
    }

    /** The same wait, polling every {@code interval} (for probes that are costly to run). */
    public Await every(Duration interval) {
        return new Await(timeout, interval, state, process);
    }

    /** The same wait, whose failure shows {@code state} (a log, a page, a screen) as it is then. */
    public Await showing(Callable<String> state) {
        return new Await(timeout, interval, state, process);
    }

    /** The same wait, which fails as soon as {@code process}, which should bring it about, has exited. */
    public Await whileAlive(Process process) {
        return new Await(timeout, interval, state, process);
    }

    /**
     * Polls {@code probe} until it returns a value other than {@code null} and {@code false}, and
     * returns that value.
     */
    public <T> T until(String what, Callable<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                T value = probe.call();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (process != null && !process.isAlive()) {
                throw failure("Gave up waiting for " + what + ": the process exited with " + process.exitValue(), last);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw failure("Timed out after " + describe(timeout) + " waiting for " + what, last);
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private AssertionError failure(String message, Exception last) {
        StringBuilder text = new StringBuilder(message);
        if (last != null) {
            text.append(" (last: ").append(last).append(')');
        }
        if (state != null) {
            try {
                text.append(":\n").append(state.call());
            } catch (Exception e) {
                text.append("; its state cannot be shown: ").append(e);
            }
        }
        return new AssertionError(text.toString(), last);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
