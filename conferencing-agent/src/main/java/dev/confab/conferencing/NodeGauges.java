package dev.confab.conferencing;

import dev.confab.conferencing.admission.CallAdmission;
import dev.confab.conferencing.channel.NodeChannelAgent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A configured node's own state as gauges, read when scraped: the configuration revision its
 * replica holds (absent until the first fetch), the calls it signals, the media it hosts in HD
 * calls, and the HD calls it can host. Stateless.
 */
final class NodeGauges {

    private NodeGauges() {
    }

    static void register(MeterRegistry registry, NodeChannelAgent channel, CallAdmission admission) {
        Gauge.builder("confab.node.configuration.revision", channel,
                        running -> running.replica().fetched() ? running.replica().config().revision() : Double.NaN)
                .description("The configuration revision this node's replica holds").register(registry);
        Gauge.builder("confab.node.calls", admission, running -> running.admission().callCount())
                .description("Calls this node signals").register(registry);
        // a media token is 1/16 of an HD call
        Gauge.builder("confab.node.media.load", admission,
                        running -> running.admission().load().mediaTokensUsed() / 16.0)
                .description("Media this node hosts, backplanes included, in HD calls").baseUnit("hd_calls")
                .register(registry);
        Gauge.builder("confab.node.capacity", channel, running -> running.capacity().maxHdCalls())
                .description("HD calls this node can host").baseUnit("hd_calls").register(registry);
    }
}
