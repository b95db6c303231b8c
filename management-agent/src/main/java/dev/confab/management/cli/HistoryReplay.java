package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.ManagementException;
import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.BootTimes;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.management.bursting.simulation.TraceCall;
import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Management Node's own platform and calls, read through its management API, to replay: its
 * system locations with their overflow locations, its transcoding Conferencing Nodes (overflow nodes
 * are those marked {@code cloud_bursting}) with the HD calls their status reports, its bursting
 * settings, and the calls of {@code history/v1/participant} that connected within the last days —
 * each arriving at the location of the node that received it ({@code signalling_node}). Immutable.
 */
record HistoryReplay(SimulatedPlatform platform, Trace trace, BurstingSettings settings) {

    static HistoryReplay read(ManagementApiClient api, int days, Instant now, int defaultNodeHd, Billing billing) {
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
        List<SimulatedPlatform.Machine> machines = new ArrayList<>();
        Map<String, String> nodeLocations = new HashMap<>();
        for (JsonNode node : api.all("configuration/v1/worker_vm/")) {
            String name = node.get("name").asText();
            String location = locationNames.get(node.get("system_location").asText());
            nodeLocations.put(name, location);
            if ("CONFERENCING".equals(node.path("node_type").asText("CONFERENCING"))) {
                machines.add(new SimulatedPlatform.Machine(name, location, node.path("cloud_bursting").asBoolean(false),
                        reportedHd.getOrDefault(name, defaultNodeHd)));
            }
        }
        JsonNode global = api.get("configuration/v1/global/1/");
        BurstingSettings settings = BurstingSettings.defaults().withEnabled(true)
                .withThreshold(global.path("bursting_threshold").asInt(5))
                .withMinLifetime(Duration.ofMinutes(global.path("bursting_min_lifetime").asInt(50)))
                .withMaxOverflowNodes(Math.max(1, (int) machines.stream().filter(SimulatedPlatform.Machine::bursting)
                        .count()));
        Instant since = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
        List<TraceCall> calls = new ArrayList<>();
        for (JsonNode participant : api.all("history/v1/participant/")) {
            Instant connected = time(participant.path("connect_time").asText(""));
            long seconds = participant.path("duration").asLong(0);
            String location = nodeLocations.getOrDefault(participant.path("signalling_node").asText(""),
                    participant.path("system_location").asText(""));
            CallType type = CallType.ofWireName(participant.path("call_type").asText("")).orElse(CallType.HD);
            if (connected != null && !connected.isBefore(since) && seconds > 0 && locationNames.containsValue(location)) {
                calls.add(new TraceCall(connected, location, type, Duration.ofSeconds(seconds)));
            }
        }
        if (calls.isEmpty()) {
            throw new ManagementException("The Management Node's history/v1/participant holds no ended call of the last "
                    + days + " day(s) at a location it still has: nothing to replay. Give more days, or a --trace.");
        }
        Instant end = calls.stream().map(TraceCall::end).max(Instant::compareTo).orElseThrow();
        SimulatedPlatform platform = new SimulatedPlatform(places, machines, BootTimes.guide(), billing);
        return new HistoryReplay(platform, new Trace(since, end.isAfter(now) ? end : now, calls), settings);
    }

    private static String overflow(JsonNode location, String field, Map<String, String> names) {
        JsonNode value = location.get(field);
        return value == null || value.isNull() ? null : names.get(value.asText());
    }

    /** An API time ({@code 2026-01-05T09:00:12.000000}, UTC), or null when there is none. */
    private static Instant time(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ManagementException("The Management Node gave the time " + text + ", which is not an API time"
                    + " such as 2026-01-05T09:00:12.000000", e);
        }
    }
}
