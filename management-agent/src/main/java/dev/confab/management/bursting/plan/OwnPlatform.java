package dev.confab.management.bursting.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.ManagementException;
import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.PlanAhead;
import dev.confab.management.bursting.PrewarmSchedule;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.BootTimes;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.SimulatedPolicy;
import dev.confab.management.resource.catalog.BurstingSchedule;

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
 * {@code status/v1/cloud_node}, or marked {@code cloud_bursting}), its bursting threshold and
 * minimum lifetime, the options of Global Settings that plan ahead, and its pre-warm schedules
 * ({@code configuration/v1/bursting_schedule/}). Immutable.
 *
 * @param settings      the bursting settings as configured, the options that plan ahead among them
 * @param schedules     its pre-warm schedules, as the policy takes them
 * @param nodeLocations the location of every Conferencing Node, proxying ones included, by node name
 */
public record OwnPlatform(SimulatedPlatform platform, BurstingSettings settings, List<PrewarmSchedule> schedules,
                          Map<String, String> nodeLocations) {

    /** HD calls of a node whose status reports none yet: a c5.2xlarge, the guide's instance type. */
    public static final int DEFAULT_NODE_HD = 17;

    public OwnPlatform {
        schedules = List.copyOf(schedules);
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
                        .count()))
                .withPlanAhead(PlanAhead.off().withLatencyAware(global.path("bursting_latency_aware").asBoolean(false))
                        .withAssumedStartLatency(Duration.ofMinutes(
                                global.path("bursting_assumed_start_latency").asInt(5)))
                        .withWeighRestart(global.path("bursting_keep_or_stop").asBoolean(false),
                                Duration.ofMinutes(global.path("bursting_billed_minutes_per_start").asInt(1)),
                                PlanAhead.off().keepFromChance()));
        SimulatedPlatform platform = new SimulatedPlatform(places, machines, BootTimes.guide(), billing);
        List<PrewarmSchedule> schedules = new ArrayList<>();
        for (JsonNode schedule : api.all("configuration/v1/bursting_schedule/")) {
            schedules.add(schedule(schedule, platform, locationNames));
        }
        return new OwnPlatform(platform, settings, schedules, nodeLocations);
    }

    /** A stored schedule as the policy takes it, its location as the simulated platform numbers it. */
    private static PrewarmSchedule schedule(JsonNode schedule, SimulatedPlatform platform, Map<String, String> names) {
        String name = schedule.path("name").asText();
        String location = names.get(schedule.path("system_location").asText());
        if (location == null) {
            throw new ManagementException("Pre-warm schedule " + name + " names location "
                    + schedule.path("system_location").asText() + ", which the Management Node did not list.");
        }
        BurstingSchedule stored = BurstingSchedule.of(schedule.path("id").asLong(), name, platform.locationId(location),
                schedule.path("days").asText(), schedule.path("peak_time").asText(),
                schedule.path("time_zone").asText(), schedule.path("nodes").asInt(1),
                schedule.path("lead_minutes").asInt(), schedule.path("hold_minutes").asInt(),
                schedule.path("ramp_down_minutes").asInt(1));
        return PrewarmSchedule.inMinutes(stored.name(), stored.systemLocation(), stored.days(), stored.peakTime(),
                stored.timeZone(), stored.nodes(), stored.leadMinutes(), stored.holdMinutes(),
                stored.rampDownMinutes());
    }

    /**
     * The policies compared on the platform: the guide's fixed threshold, as configured; then, when Global
     * Settings turn on options that plan ahead or pre-warm schedules exist, the policy as configured;
     * the latency-aware threshold with keep or stop (a restart likely from a chance of one half); and,
     * with schedules, pre-warm + latency-aware.
     */
    public List<SimulatedPolicy> policies() {
        BurstingSettings fixed = settings.withPlanAhead(PlanAhead.off());
        PlanAhead latencyAware = PlanAhead.off().withLatencyAware(true)
                .withAssumedStartLatency(settings.planAhead().assumedStartLatency())
                .withWeighRestart(true, platform.billing().minimumPerStart(), 0.5);
        List<SimulatedPolicy> policies = new ArrayList<>();
        policies.add(new SimulatedPolicy("fixed threshold " + settings.threshold(), fixed, List.of()));
        if (settings.planAhead().latencyAware() || settings.planAhead().weighRestart() || !schedules.isEmpty()) {
            policies.add(new SimulatedPolicy("as configured (" + configured() + ")", settings, schedules));
        }
        policies.add(new SimulatedPolicy("latency-aware", settings.withPlanAhead(latencyAware), List.of()));
        if (!schedules.isEmpty()) {
            policies.add(new SimulatedPolicy("pre-warm + latency-aware", settings.withPlanAhead(latencyAware),
                    schedules));
        }
        return List.copyOf(policies);
    }

    /** What the configured policy adds to its threshold, in words. */
    private String configured() {
        List<String> parts = new ArrayList<>();
        parts.add("threshold " + settings.threshold());
        if (settings.planAhead().latencyAware()) {
            parts.add("latency-aware");
        }
        if (settings.planAhead().weighRestart()) {
            parts.add("keep or stop");
        }
        if (!schedules.isEmpty()) {
            parts.add(schedules.size() + (schedules.size() == 1 ? " pre-warm schedule" : " pre-warm schedules"));
        }
        return String.join(", ", parts);
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
