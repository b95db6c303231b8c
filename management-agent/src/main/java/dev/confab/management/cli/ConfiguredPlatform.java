package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.OverflowNodes;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Management Node has configured that {@code confab aws-template} reads through its management API: the
 * Conferencing Nodes, which of them are overflow nodes and the tag they carry, and whether bursting
 * uses the instance's role. Immutable.
 */
record ConfiguredPlatform(List<ConfiguredNode> nodes, OverflowNodes overflow, boolean instanceRole) {

    ConfiguredPlatform {
        nodes = List.copyOf(nodes);
    }

    static ConfiguredPlatform read(ManagementApiClient api) {
        JsonNode global = api.get("configuration/v1/global/1/");
        List<Long> overflowLocations = new ArrayList<>();
        for (JsonNode location : api.all("configuration/v1/system_location/")) {
            for (String field : new String[]{"overflow_location1", "overflow_location2"}) {
                JsonNode overflow = location.get(field);
                if (overflow != null && !overflow.isNull()) {
                    overflowLocations.add(id(overflow.asText()));
                }
            }
        }
        List<ConfiguredNode> nodes = new ArrayList<>();
        for (JsonNode node : api.all("configuration/v1/worker_vm/")) {
            nodes.add(new ConfiguredNode(node.get("id").asLong(), node.get("name").asText(),
                    node.get("hostname").asText(), node.get("address").asText(), node.get("netmask").asText(),
                    id(node.get("system_location").asText()), node.path("cloud_bursting").asBoolean(false)));
        }
        return new ConfiguredPlatform(nodes, OverflowNodes.of(global.get("bursting_tag_name").asText(),
                global.get("bursting_tag_value").asText(), overflowLocations),
                global.path("aws_instance_role").asBoolean(false));
    }

    /** The id at the end of a resource URI such as {@code /api/admin/configuration/v1/system_location/3/}. */
    static long id(String resourceUri) {
        String[] parts = resourceUri.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }
}
