package dev.confab.management.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for something a component does in the background (a file rendered, a revision replicated)
 * by asking again every 50 ms until it holds or the time is up. Only for what a test cannot drive
 * itself; a test that proves that nothing happens moves a {@link SettableClock} instead.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    /** Something to ask again, which may throw what the test's own calls throw. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** The first answer of {@code probe} that satisfies {@code condition}, within {@code limit}. */
    public static <T> T until(Duration limit, Probe<T> probe, Predicate<T> condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        T last = probe.get();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Nothing satisfied the condition within " + limit + "; the last answer was:\n"
                        + last);
            }
            Thread.sleep(POLL.toMillis());
            last = probe.get();
        }
        return last;
    }
}
