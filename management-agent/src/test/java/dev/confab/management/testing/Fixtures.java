package dev.confab.management.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as an operator's script would send them. */
public final class Fixtures {

    public static final String CONFIG = "/api/admin/configuration/v1/";

    private Fixtures() {
    }

    public static Map<String, Object> location(String name) {
        return new HashMap<>(Map.of("name", name, "description", "Location " + name));
    }

    public static Map<String, Object> node(String name, String address, String locationUri) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("hostname", name);
        node.put("domain", "example.com");
        node.put("address", address);
        node.put("netmask", "255.255.255.0");
        node.put("gateway", address.substring(0, address.lastIndexOf('.')) + ".1");
        node.put("system_location", locationUri);
        node.put("node_type", "CONFERENCING");
        node.put("deployment_type", "MANUAL-PROVISION-ONLY");
        node.put("password", "ssh-secret-1");
        return node;
    }

    public static Map<String, Object> conference(String name, String... aliases) {
        Map<String, Object> conference = new HashMap<>();
        conference.put("name", name);
        conference.put("service_type", "conference");
        conference.put("aliases", java.util.Arrays.stream(aliases).map(alias -> Map.of("alias", alias)).toList());
        return conference;
    }

    /** Creates a location and returns its URI. */
    public static String createLocation(RunningNode node, String name) {
        RunningNode.Response response = node.post(CONFIG + "system_location/", location(name));
        if (response.status() != 201) {
            throw new AssertionError("location not created: " + response.text());
        }
        return response.body().get("resource_uri").asText();
    }

    /**
     * The path of the object a POST created, from its Location header: a generic node's POST answers
     * with its configuration file, not the object.
     */
    public static String createdPath(RunningNode.Response created) {
        String location = created.raw().headers().firstValue("Location").orElseThrow();
        return java.net.URI.create(location).getPath();
    }

    /** The id in an object's URI, such as 7 in {@code /api/admin/configuration/v1/worker_vm/7/}. */
    public static long id(String uri) {
        String[] parts = uri.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    public static List<String> names(RunningNode.Response list, String field) {
        List<String> names = new java.util.ArrayList<>();
        list.body().get("objects").forEach(object -> names.add(object.get(field).asText()));
        return names;
    }
}
