package dev.confab.management.calls;

import dev.confab.shared.capacity.CallType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls admitted and ended lately, by signalling node, in HD calls (an SD call counts ½, an
 * audio call 1/16), kept in memory for {@link #WINDOW} and {@link #KEPT} events at most: what
 * bursting plans ahead with. A call counted again after a restart of the Management Node is no
 * admission. Time comes from the injected clock. Thread-safe.
 */
public final class CallFlow {

    /** How long admissions and ends are remembered. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** The most events remembered; older ones are forgotten first. */
    static final int KEPT = 200_000;

    /** The HD calls node {@code nodeId} admitted and ended within a window. Immutable. */
    public record Counts(double admittedHdCalls, double endedHdCalls) {
    }

    private record Event(Instant at, long nodeId, double hdCalls, boolean ended) {
    }

    private final Clock clock;
    // guarded by this
    private final Deque<Event> events = new ArrayDeque<>();

    public CallFlow(Clock clock) {
        this.clock = clock;
    }

    /** Node {@code nodeId} admitted a call of {@code callType} (its wire name). */
    void admitted(long nodeId, String callType) {
        record(new Event(clock.instant(), nodeId, hdWeight(callType), false));
    }

    /** A call of {@code callType} that node {@code nodeId} signalled ended. */
    void ended(long nodeId, String callType) {
        record(new Event(clock.instant(), nodeId, hdWeight(callType), true));
    }

    /**
     * The HD calls each signalling node admitted and ended within {@code window} before now
     * ({@link #WINDOW} at most); a node without any is absent.
     */
    public synchronized Map<Long, Counts> within(Duration window) {
        Instant since = clock.instant().minus(window.compareTo(WINDOW) > 0 ? WINDOW : window);
        prune();
        Map<Long, Counts> counts = new HashMap<>();
        for (Event event : events) {
            if (event.at().isBefore(since)) {
                continue;
            }
            counts.merge(event.nodeId(), event.ended() ? new Counts(0, event.hdCalls())
                    : new Counts(event.hdCalls(), 0), (a, b) -> new Counts(a.admittedHdCalls() + b.admittedHdCalls(),
                    a.endedHdCalls() + b.endedHdCalls()));
        }
        return counts;
    }

    private synchronized void record(Event event) {
        events.addLast(event);
        while (events.size() > KEPT) {
            events.removeFirst();
        }
        prune();
    }

    private void prune() {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!events.isEmpty() && events.peekFirst().at().isBefore(oldest)) {
            events.removeFirst();
        }
    }

    /** An unknown call type weighs as HD, as a node would place it. */
    private static double hdWeight(String callType) {
        return CallType.ofWireName(callType).orElse(CallType.HD).hdWeight();
    }
}
