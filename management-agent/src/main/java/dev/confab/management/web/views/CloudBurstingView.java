package dev.confab.management.web.views;

import java.util.List;

/**
 * What Status › Cloud Bursting shows: the settings, the guide's conversion warnings, the load chart's
 * data, and tables of what the Management Node knows of bursting. Immutable.
 *
 * @param warnings      one sentence per warning, what is wrong and what to do
 * @param chartJson     the load history as the chart script reads it: {@code times} (epoch seconds) and
 *                      per location {@code name}, {@code inUse} and {@code capacity} (HD calls, null
 *                      where not sampled)
 * @param chartSamples  how many samples the chart holds
 * @param chartInterval seconds between samples
 */
public record CloudBurstingView(Table settings, List<String> warnings, String chartJson, int chartSamples,
                                long chartInterval, List<Table> tables) {

    public CloudBurstingView {
        warnings = List.copyOf(warnings);
        tables = List.copyOf(tables);
    }
}
