package dev.confab.management.web.views;

import java.util.List;

/**
 * What Status › Cloud Bursting › Plan shows: the form (what was chosen, and why it was refused), the
 * platform as the simulation sees it, and the simulation running or last run. Immutable.
 *
 * @param source      the trace chosen: {@code scenario}, {@code history} or {@code trace}
 * @param error       why the last form was refused, or null
 * @param platform    the locations, nodes and settings simulated
 * @param run         the simulation running or last run: its state; null when none ran
 * @param percent     how far the running simulation has come, 0 to 100
 * @param chartJson   the result over time as the chart script reads it, or null
 * @param results     the policies side by side, or null
 * @param clairvoyant the clairvoyant instance-hours, as shown
 */
public record PlanView(String source, String days, String historyDays, int maxDays, long maxTraceMiB, int maxCalls,
                       String error, List<Table> platform, String run, String runState, int percent, String chartJson,
                       Table results, String clairvoyant) {

    public PlanView {
        platform = List.copyOf(platform);
    }

    public boolean running() {
        return "running".equals(runState);
    }

    public boolean failed() {
        return "failed".equals(runState);
    }

    public boolean finished() {
        return "finished".equals(runState);
    }
}
