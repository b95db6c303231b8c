package dev.confab.conferencing.admission;

import dev.confab.shared.wire.ReplicatedConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's nodes and locations as one revision of the replica holds them, seen from one
 * node: itself, its peers, and where its calls' media may go. Immutable.
 */
final class Topology {

    /**
     * A Conferencing Node of the configuration.
     *
     * @param fqdn its certificate's name ({@code hostname.domain})
     */
    record Node(String name, String fqdn, String nodeType, String address, String location, boolean maintenanceMode,
                boolean enrolled) {

        boolean transcoding() {
            return nodeType.equals("CONFERENCING");
        }
    }

    /**
     * One location of a placement chain.
     *
     * @param role how the chain calls it ("London", "its primary overflow location Paris" …)
     */
    record Step(String location, String role) {
    }

    private final String ownFqdn;
    private final Map<String, Node> byName = new LinkedHashMap<>();
    private final Map<String, Node> byFqdn = new HashMap<>();
    private final Map<String, Map<String, Object>> locations = new HashMap<>();

    private Topology(ReplicatedConfig config, String ownFqdn) {
        this.ownFqdn = ownFqdn;
        config.objects("system_location").forEach(location -> locations.put(text(location.get("id")), location));
        for (Map<String, Object> object : config.objects("worker_vm")) {
            String fqdn = text(object.get("hostname")) + "." + text(object.get("domain"));
            Node node = new Node(text(object.get("name")), fqdn, text(object.get("node_type")),
                    text(object.get("address")), locationName(object.get("system_location")),
                    Boolean.TRUE.equals(object.get("maintenance_mode")),
                    Boolean.TRUE.equals(object.get(ReplicatedConfig.ENROLLED)));
            byName.put(node.name(), node);
            byFqdn.put(fqdn, node);
        }
    }

    static Topology of(ReplicatedConfig config, String ownFqdn) {
        return new Topology(config, ownFqdn);
    }

    /** This node, once the replica holds it. */
    Optional<Node> self() {
        return Optional.ofNullable(byFqdn.get(ownFqdn));
    }

    /** Whether the platform has more than one Conferencing Node: then every conference has a backplane. */
    boolean multiNode() {
        return byName.size() > 1;
    }

    Optional<Node> node(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The enrolled node whose certificate names {@code fqdn}. */
    Optional<Node> enrolledNode(String fqdn) {
        return Optional.ofNullable(byFqdn.get(fqdn)).filter(Node::enrolled);
    }

    /**
     * Where this node's calls' media may go, in order: its location's transcoding location (its own
     * location unless one is set, as for a proxying edge location), then its location's primary
     * and secondary overflow locations. Empty while the replica does not hold this node.
     */
    List<Step> placementChain() {
        Optional<Node> self = self();
        if (self.isEmpty()) {
            return List.of();
        }
        Map<String, Object> own = locationByName(self.get().location());
        List<Step> chain = new ArrayList<>();
        String transcoding = own == null ? "" : locationName(own.get("transcoding_location"));
        if (transcoding.isEmpty()) {
            chain.add(new Step(self.get().location(), self.get().location()));
        } else {
            chain.add(new Step(transcoding, "its transcoding location " + transcoding));
        }
        if (own != null) {
            add(chain, locationName(own.get("overflow_location1")), "its primary overflow location ");
            add(chain, locationName(own.get("overflow_location2")), "its secondary overflow location ");
        }
        return List.copyOf(chain);
    }

    private static void add(List<Step> chain, String location, String role) {
        if (!location.isEmpty() && chain.stream().noneMatch(step -> step.location().equals(location))) {
            chain.add(new Step(location, role + location));
        }
    }

    private Map<String, Object> locationByName(String name) {
        return locations.values().stream().filter(location -> name.equals(text(location.get("name")))).findFirst()
                .orElse(null);
    }

    private String locationName(Object uri) {
        if (uri == null || text(uri).isEmpty()) {
            return "";
        }
        Map<String, Object> location = locations.get(ReplicatedConfig.idOf(uri));
        return location == null ? "" : text(location.get("name"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
