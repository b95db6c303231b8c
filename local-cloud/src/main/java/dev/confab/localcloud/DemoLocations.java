package dev.confab.localcloud;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The demo's system locations, added through the management API: {@code Loopback} for its nodes;
 * with two always-on nodes or more, {@code Overflow}, which holds the last always-on node; with
 * bursting nodes, {@code Cloud Overflow}, which holds them (EC2 instances of the demo's endpoint,
 * kept stopped until bursting starts them). Loopback's primary overflow location is Cloud Overflow
 * when there is one, else Overflow; its secondary is Overflow when both exist. Calls that reach
 * Loopback's nodes fill Loopback, then overflow. Immutable.
 *
 * @param loopback   the URI of Loopback
 * @param overflow   the URI of Overflow, or null with one always-on node
 * @param cloud      the URI of Cloud Overflow, or null without bursting nodes
 * @param nodes      how many always-on nodes the demo has (numbers 1 … nodes)
 * @param cloudNodes how many bursting nodes it has (numbers nodes + 1 … nodes + cloudNodes)
 */
public record DemoLocations(String loopback, String overflow, String cloud, int nodes, int cloudNodes) {

    /** The name of the location of the demo's bursting nodes. */
    public static final String CLOUD = "Cloud Overflow";
    private static final String LOCATIONS = "/api/admin/configuration/v1/system_location/";

    /** Adds the locations of a demo of {@code nodes} always-on and {@code cloudNodes} bursting nodes. */
    public static DemoLocations create(ManagementClient api, int nodes, int cloudNodes)
            throws IOException, InterruptedException {
        String overflow = nodes < 2 ? null : api.post(LOCATIONS, Map.of("name", "Overflow",
                "description", "Always-on nodes where calls to Loopback go when it is full")).get("resource_uri").asText();
        String cloud = cloudNodes < 1 ? null : api.post(LOCATIONS, Map.of("name", CLOUD,
                "description", "Overflow nodes on EC2, started when Loopback runs low on capacity and stopped when idle"))
                .get("resource_uri").asText();
        Map<String, Object> loopback = new LinkedHashMap<>();
        loopback.put("name", "Loopback");
        loopback.put("description", "Conferencing Nodes of the demo");
        if (cloud != null) {
            loopback.put("overflow_location1", cloud);
            if (overflow != null) {
                loopback.put("overflow_location2", overflow);
            }
        } else if (overflow != null) {
            loopback.put("overflow_location1", overflow);
        }
        return new DemoLocations(api.post(LOCATIONS, loopback).get("resource_uri").asText(), overflow, cloud, nodes,
                cloudNodes);
    }

    /** The location of node number {@code index} (1, 2 …). */
    public String of(int index) {
        if (index > nodes) {
            return cloud;
        }
        return overflow != null && index == nodes ? overflow : loopback;
    }

    /** The name of the location of node number {@code index}. */
    public String nameOf(int index) {
        String location = of(index);
        return location.equals(cloud) ? CLOUD : location.equals(overflow) ? "Overflow" : "Loopback";
    }

    /** Whether node number {@code index} is a bursting node. */
    public boolean bursting(int index) {
        return index > nodes;
    }

    /** Loopback's nodes as callgen's {@code --nodes} takes them ("1" or "1,2" …); empty when every node is in Loopback. */
    public String loopbackNodes() {
        return overflow == null && cloud == null ? "" : IntStream.rangeClosed(1, overflow == null ? nodes : nodes - 1)
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
