package dev.confab.management.cloud.template;

import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.OverflowNodes;

import java.util.List;
import java.util.Map;

/** A platform of two always-on nodes in location 1 and one overflow node in location 2, its overflow location. */
final class PlanFixtures {

    static final ConfiguredNode LON_1 = new ConfiguredNode(1, "lon-1", "lon1", "10.0.1.11", "255.255.255.0", 1, false);
    static final ConfiguredNode LON_2 = new ConfiguredNode(2, "lon-2", "lon2", "10.0.1.12", "255.255.255.0", 1, false);
    static final ConfiguredNode BURST_1 = new ConfiguredNode(3, "burst 1", "burst1", "10.0.2.21", "255.255.255.0", 2,
            false);
    static final List<ConfiguredNode> NODES = List.of(LON_1, LON_2, BURST_1);
    static final OverflowNodes OVERFLOW = OverflowNodes.of(OverflowNodes.TAG_NAME, "mgr", List.of(2L));
    /** A configuration file with every character a template must carry through unchanged. */
    static final String FILE = "<?xml version=\"1.0\"?>\n<node description='${x} %{y} \\ \"q\"\ttab é'>\r\n</node>\n";

    private PlanFixtures() {
    }

    static DeploymentPlan plan(TemplateOptions options) {
        return DeploymentPlan.of(NODES, OVERFLOW, options, Map.of(LON_1.id(), FILE));
    }

    static DeploymentPlan plan() {
        return plan(TemplateOptions.defaults());
    }
}
