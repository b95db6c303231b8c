package dev.confab.management.bursting;

import java.time.Instant;

/**
 * The instants one decision weighs every node's reports and starts against, worked out once for all
 * of them. Immutable.
 *
 * @param staleBefore    a load reported before this is stale ({@code now} less the staleness limit)
 * @param startedBefore  a node started before this has passed its start deadline
 * @param inRestartGrace within the staleness limit of {@code observedSince}: a node that has not
 *                       reported yet is awaited rather than taken for lost
 * @param observedSince  when the Management Node began receiving load reports
 */
record Deadlines(Instant staleBefore, Instant startedBefore, boolean inRestartGrace, Instant observedSince) {

    static Deadlines of(BurstingInput input) {
        Instant now = input.now();
        BurstingSettings settings = input.settings();
        return new Deadlines(now.minus(settings.staleAfter()), now.minus(settings.startDeadline()),
                now.isBefore(input.observedSince().plus(settings.staleAfter())), input.observedSince());
    }

    /** Whether the report is at most the staleness limit old: as {@link NodeLoad#freshAt}. */
    boolean fresh(NodeLoad load) {
        return !load.reportedAt().isBefore(staleBefore);
    }

    /** Whether a node started at {@code startedAt} is still within its start deadline. */
    boolean withinStartDeadline(Instant startedAt) {
        return startedAt.isAfter(startedBefore);
    }
}
