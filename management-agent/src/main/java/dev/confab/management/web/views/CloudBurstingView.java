package dev.confab.management.web.views;

import java.util.List;

/**
 * What Status › Cloud Bursting shows: the settings and bursting's last run, the guide's conversion
 * warnings, the load chart's data, the overflow nodes (with a Start button for stopped ones) and
 * tables of monitored and overflow locations and of what the last run remarked on. Immutable.
 *
 * @param warnings      one sentence per warning, what is wrong and what to do
 * @param chartJson     the load history as the chart script reads it: {@code times} (epoch seconds) and
 *                      per location {@code name}, {@code inUse} and {@code capacity} (HD calls, null
 *                      where not sampled)
 * @param chartSamples  how many samples the chart holds
 * @param chartInterval seconds between samples
 */
public record CloudBurstingView(List<Table> summary, List<String> warnings, String chartJson, int chartSamples,
                                long chartInterval, List<CloudNodeRow> cloudNodes, List<Table> tables) {

    public CloudBurstingView {
        summary = List.copyOf(summary);
        warnings = List.copyOf(warnings);
        cloudNodes = List.copyOf(cloudNodes);
        tables = List.copyOf(tables);
    }
}
