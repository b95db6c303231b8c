package dev.confab.localcloud;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The demo's system locations, added through the management API: {@code Loopback} for its nodes
 * and, with two nodes or more, {@code Overflow}, Loopback's primary overflow location, which holds
 * the last node. Calls that reach Loopback's nodes fill Loopback, then overflow. Immutable.
 *
 * @param loopback the URI of Loopback
 * @param overflow the URI of Overflow, or null with one node
 * @param nodes    how many nodes the demo has
 */
public record DemoLocations(String loopback, String overflow, int nodes) {

    private static final String LOCATIONS = "/api/admin/configuration/v1/system_location/";

    /** Adds the locations of a demo of {@code nodes} nodes. */
    public static DemoLocations create(ManagementClient api, int nodes) throws IOException, InterruptedException {
        String overflow = nodes < 2 ? null : api.post(LOCATIONS, Map.of("name", "Overflow",
                "description", "Where calls to Loopback go when it is full")).get("resource_uri").asText();
        Map<String, Object> loopback = new LinkedHashMap<>();
        loopback.put("name", "Loopback");
        loopback.put("description", "Conferencing Nodes of the demo");
        if (overflow != null) {
            loopback.put("overflow_location1", overflow);
        }
        return new DemoLocations(api.post(LOCATIONS, loopback).get("resource_uri").asText(), overflow, nodes);
    }

    /** The location of node number {@code index} (1, 2 …): the last one is in Overflow when there is one. */
    public String of(int index) {
        return overflow != null && index == nodes ? overflow : loopback;
    }

    /** The name of the location of node number {@code index}. */
    public String nameOf(int index) {
        return of(index).equals(overflow) ? "Overflow" : "Loopback";
    }

    /** Loopback's nodes as callgen's {@code --nodes} takes them ("1" or "1,2" …); empty when every node is in Loopback. */
    public String loopbackNodes() {
        return overflow == null ? "" : IntStream.range(1, nodes).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }
}
