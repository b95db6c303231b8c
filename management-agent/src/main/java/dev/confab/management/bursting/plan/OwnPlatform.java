package dev.confab.management.bursting.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.PlanAhead;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.BootTimes;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.SimulatedPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Management Node's own platform as the simulator replays it, read through its management API:
 * its system locations with their overflow locations, its transcoding Conferencing Nodes with the HD
 * calls their status reports (overflow nodes are those bursting paired with a tagged EC2 instance,
 * {@code status/v1/cloud_node}, or marked {@code cloud_bursting}), and its bursting threshold and
 * minimum lifetime. Immutable.
 *
 * @param nodeLocations the location of every Conferencing Node, proxying ones included, by node name
 */
public record OwnPlatform(SimulatedPlatform platform, BurstingSettings settings, Map<String, String> nodeLocations) {

    /** HD calls of a node whose status reports none yet: a c5.2xlarge, the guide's instance type. */
    public static final int DEFAULT_NODE_HD = 17;

    public OwnPlatform {
        nodeLocations = Map.copyOf(nodeLocations);
    }

    /** Reads the platform; a node that has not reported its capacity holds {@code defaultNodeHd} HD calls. */
    public static OwnPlatform read(PlatformReader api, int defaultNodeHd, Billing billing) {
        Map<String, String> locationNames = new HashMap<>();
        List<JsonNode> locations = api.all("configuration/v1/system_location/");
        for (JsonNode location : locations) {
            locationNames.put(location.get("resource_uri").asText(), location.get("name").asText());
        }
        List<SimulatedPlatform.Place> places = new ArrayList<>();
        for (JsonNode location : locations) {
            places.add(new SimulatedPlatform.Place(location.get("name").asText(),
                    overflow(location, "overflow_location1", locationNames),
                    overflow(location, "overflow_location2", locationNames)));
        }
        Map<String, Integer> reportedHd = new HashMap<>();
        for (JsonNode status : api.all("status/v1/worker_vm/")) {
            int hd = status.path("max_hd_calls").asInt(0);
            if (hd > 0) {
                reportedHd.put(status.get("name").asText(), hd);
            }
        }
        // as bursting pairs them: a node whose tagged EC2 instance it found is an overflow node
        Set<String> paired = new HashSet<>();
        for (JsonNode instance : api.all("status/v1/cloud_node/")) {
            if (!instance.path("workervm_configuration_id").isNull()) {
                String name = instance.path("workervm_configuration_name").asText();
                paired.add(name);
                // a stopped node has not reported: its instance type says what it holds
                if (instance.path("max_hd_calls").asInt(0) > 0) {
                    reportedHd.putIfAbsent(name, instance.path("max_hd_calls").asInt());
                }
            }
        }
        List<SimulatedPlatform.Machine> machines = new ArrayList<>();
        Map<String, String> nodeLocations = new HashMap<>();
        for (JsonNode node : api.all("configuration/v1/worker_vm/")) {
            String name = node.get("name").asText();
            String location = locationNames.get(node.get("system_location").asText());
            nodeLocations.put(name, location);
            if ("CONFERENCING".equals(node.path("node_type").asText("CONFERENCING"))) {
                machines.add(new SimulatedPlatform.Machine(name, location, paired.contains(name)
                        || node.path("cloud_bursting").asBoolean(false), reportedHd.getOrDefault(name, defaultNodeHd)));
            }
        }
        JsonNode global = api.get("configuration/v1/global/1/");
        BurstingSettings settings = BurstingSettings.defaults().withEnabled(true)
                .withThreshold(global.path("bursting_threshold").asInt(5))
                .withMinLifetime(Duration.ofMinutes(global.path("bursting_min_lifetime").asInt(50)))
                .withMaxOverflowNodes(Math.max(1, (int) machines.stream().filter(SimulatedPlatform.Machine::bursting)
                        .count()));
        return new OwnPlatform(new SimulatedPlatform(places, machines, BootTimes.guide(), billing), settings,
                nodeLocations);
    }

    /**
     * The policies compared on the platform: its configured threshold, and the latency-aware threshold
     * with keep or stop (a restart likely from a chance of one half).
     */
    public List<SimulatedPolicy> policies() {
        return List.of(new SimulatedPolicy("fixed threshold " + settings.threshold(), settings, List.of()),
                new SimulatedPolicy("latency-aware", settings.withPlanAhead(PlanAhead.off().withLatencyAware(true)
                        .withWeighRestart(true, platform.billing().minimumPerStart(), 0.5)), List.of()));
    }

    /** The names of its locations, in the API's order. */
    public List<String> locationNames() {
        return platform.places().stream().map(SimulatedPlatform.Place::name).toList();
    }

    private static String overflow(JsonNode location, String field, Map<String, String> names) {
        JsonNode value = location.get(field);
        return value == null || value.isNull() ? null : names.get(value.asText());
    }
}
