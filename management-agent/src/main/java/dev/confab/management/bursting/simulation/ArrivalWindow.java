package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The HD calls that arrived at one location within the last {@code window}, and those of its calls
 * that ended, as the Management Node counts them. Not thread-safe.
 */
final class ArrivalWindow {

    private final long windowMillis;
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private final ArrayDeque<long[]> ends = new ArrayDeque<>();
    private final long[] tokens = new long[2];

    ArrivalWindow(Duration window) {
        this.windowMillis = window.toMillis();
    }

    void arrived(long atMillis, int callTokens) {
        add(arrivals, 0, atMillis, callTokens);
    }

    void ended(long atMillis, int callTokens) {
        add(ends, 1, atMillis, callTokens);
    }

    /** HD calls arrived within the window before {@code nowMillis}. */
    double arrivedHdCalls(long nowMillis) {
        return within(arrivals, 0, nowMillis);
    }

    /** HD calls ended within the window before {@code nowMillis}. */
    double endedHdCalls(long nowMillis) {
        return within(ends, 1, nowMillis);
    }

    private void add(ArrayDeque<long[]> queue, int sum, long atMillis, int callTokens) {
        queue.addLast(new long[] {atMillis, callTokens});
        tokens[sum] += callTokens;
    }

    private double within(ArrayDeque<long[]> queue, int sum, long nowMillis) {
        while (!queue.isEmpty() && queue.peekFirst()[0] <= nowMillis - windowMillis) {
            tokens[sum] -= queue.pollFirst()[1];
        }
        return tokens[sum] / (double) CallType.TOKENS_PER_HD;
    }
}
