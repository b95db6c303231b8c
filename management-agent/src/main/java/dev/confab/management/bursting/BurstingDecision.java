package dev.confab.management.bursting;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the bursting policy decided at one instant. The policy writes out the statuses and notes
 * when they are first asked for (the replay simulator asks only for the actions); they are the same
 * whenever they are asked for. Immutable; thread-safe.
 */
public final class BurstingDecision {

    /** The statuses and notes of a decision. */
    record Report(List<LocationStatus> monitored, List<LocationStatus> overflow, List<String> notes) {
        Report {
            monitored = List.copyOf(monitored);
            overflow = List.copyOf(overflow);
            notes = List.copyOf(notes);
        }
    }

    private final List<BurstingAction> actions;
    private Supplier<Report> source;
    private Report report;

    /**
     * @param actions   starts first, then stops, each in location and node name order; perform them in order
     * @param monitored locations whose primary overflow location holds overflow nodes
     * @param overflow  locations that hold overflow nodes
     * @param notes     platform-wide remarks: bursting disabled, circuit breaker open, guardrail reached
     */
    public BurstingDecision(List<BurstingAction> actions, List<LocationStatus> monitored,
                            List<LocationStatus> overflow, List<String> notes) {
        this.actions = List.copyOf(actions);
        this.report = new Report(monitored, overflow, notes);
    }

    /** The actions now, the statuses and notes from {@code report} when first asked for. */
    BurstingDecision(List<BurstingAction> actions, Supplier<Report> report) {
        this.actions = List.copyOf(actions);
        this.source = Objects.requireNonNull(report, "report");
    }

    /** Starts first, then stops, each in location and node name order; perform them in order. */
    public List<BurstingAction> actions() {
        return actions;
    }

    /** The status of each location whose primary overflow location holds overflow nodes. */
    public List<LocationStatus> monitored() {
        return report().monitored();
    }

    /** The status of each location that holds overflow nodes. */
    public List<LocationStatus> overflow() {
        return report().overflow();
    }

    /** Platform-wide remarks: bursting disabled, circuit breaker open, guardrail reached. */
    public List<String> notes() {
        return report().notes();
    }

    private synchronized Report report() {
        if (report == null) {
            report = source.get();
            source = null;
        }
        return report;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BurstingDecision decision && actions.equals(decision.actions)
                && report().equals(decision.report());
    }

    @Override
    public int hashCode() {
        return Objects.hash(actions, report());
    }

    @Override
    public String toString() {
        Report written = report();
        return "BurstingDecision[actions=" + actions + ", monitored=" + written.monitored() + ", overflow="
                + written.overflow() + ", notes=" + written.notes() + "]";
    }
}
