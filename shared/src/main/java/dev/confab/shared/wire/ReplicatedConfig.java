package dev.confab.shared.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The configuration a Conferencing Node holds, at one revision: the replicated resources, each as
 * objects by id (as text), each object as the management API renders it without secrets. The
 * Management Node builds one per revision and diffs consecutive ones; a node applies answers to
 * its own. Both compute the same {@link #checksum()} for the same content. Immutable and thread-safe.
 */
public final class ReplicatedConfig {

    /** The resources that replicate to nodes, by management API name. */
    public static final List<String> RESOURCES = List.of("system_location", "worker_vm", "management_vm",
            "conference", "conference_alias", "licence", "global", "tls_certificate");

    /**
     * The field the Management Node adds to each {@code worker_vm}: true while the node holds a
     * certificate that is not revoked. It changes at enrolment, without a new revision.
     */
    public static final String ENROLLED = "enrolled";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final long revision;
    private final Map<String, Map<String, Map<String, Object>>> resources;
    private volatile String checksum;

    @JsonCreator
    public ReplicatedConfig(@JsonProperty("revision") long revision,
                            @JsonProperty("resources") Map<String, Map<String, Map<String, Object>>> resources) {
        this.revision = revision;
        TreeMap<String, Map<String, Map<String, Object>>> copy = new TreeMap<>();
        for (String resource : RESOURCES) {
            TreeMap<String, Map<String, Object>> objects = new TreeMap<>();
            Map<String, Map<String, Object>> given = resources == null ? null : resources.get(resource);
            if (given != null) {
                given.forEach((id, object) -> objects.put(id, Collections.unmodifiableSortedMap(new TreeMap<>(object))));
            }
            copy.put(resource, Collections.unmodifiableSortedMap(objects));
        }
        this.resources = Collections.unmodifiableSortedMap(copy);
    }

    /** Nothing yet, revision 0. */
    public static ReplicatedConfig empty() {
        return new ReplicatedConfig(0, Map.of());
    }

    /** The configuration at {@code revision} holding {@code objects} (each with an {@code id}) by resource. */
    public static ReplicatedConfig of(long revision, Map<String, List<Map<String, Object>>> objects) {
        Map<String, Map<String, Map<String, Object>>> byId = new TreeMap<>();
        objects.forEach((resource, list) -> {
            Map<String, Map<String, Object>> ids = new TreeMap<>();
            list.forEach(object -> ids.put(String.valueOf(object.get("id")), object));
            byId.put(resource, ids);
        });
        return new ReplicatedConfig(revision, byId);
    }

    @JsonProperty
    public long revision() {
        return revision;
    }

    @JsonProperty
    public Map<String, Map<String, Map<String, Object>>> resources() {
        return resources;
    }

    /** The objects of {@code resource}, ordered by id as text. */
    public List<Map<String, Object>> objects(String resource) {
        return List.copyOf(resources.getOrDefault(resource, Map.of()).values());
    }

    public Optional<Map<String, Object>> object(String resource, String id) {
        return Optional.ofNullable(resources.getOrDefault(resource, Map.of()).get(id));
    }

    /** What the answer describes, applied to this configuration; this one is left as it was. */
    public ReplicatedConfig apply(ConfigUpdate update) {
        if (update.snapshot()) {
            return of(update.revision(), update.upserts());
        }
        Map<String, Map<String, Map<String, Object>>> next = new TreeMap<>();
        resources.forEach((resource, objects) -> next.put(resource, new TreeMap<>(objects)));
        update.deletions().forEach((resource, ids) -> ids.forEach(id -> next.get(resource).remove(id)));
        update.upserts().forEach((resource, objects) -> objects.forEach(object -> next
                .computeIfAbsent(resource, name -> new TreeMap<>()).put(String.valueOf(object.get("id")), object)));
        return new ReplicatedConfig(update.revision(), next);
    }

    /** The answer that turns {@code older} into this configuration. */
    public ConfigUpdate since(ReplicatedConfig older) {
        Map<String, List<Map<String, Object>>> upserts = new TreeMap<>();
        Map<String, List<String>> deletions = new TreeMap<>();
        for (String resource : RESOURCES) {
            Map<String, Map<String, Object>> before = older.resources.get(resource);
            Map<String, Map<String, Object>> after = resources.get(resource);
            List<Map<String, Object>> changed = new ArrayList<>();
            after.forEach((id, object) -> {
                if (!object.equals(before.get(id))) {
                    changed.add(object);
                }
            });
            List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
            if (!changed.isEmpty()) {
                upserts.put(resource, changed);
            }
            if (!removed.isEmpty()) {
                deletions.put(resource, removed);
            }
        }
        return new ConfigUpdate(revision, false, checksum(), upserts, deletions, null);
    }

    /** The whole configuration as a snapshot answer. */
    public ConfigUpdate snapshot() {
        Map<String, List<Map<String, Object>>> all = new TreeMap<>();
        resources.forEach((resource, objects) -> all.put(resource, List.copyOf(objects.values())));
        return new ConfigUpdate(revision, true, checksum(), all, Map.of(), null);
    }

    /** SHA-256 (hex) of the content in canonical JSON (keys sorted); the revision is not part of it. */
    @JsonIgnore
    public String checksum() {
        String value = checksum;
        if (value == null) {
            try {
                byte[] canonical = CANONICAL.writeValueAsString(resources).getBytes(StandardCharsets.UTF_8);
                value = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            } catch (JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("the replicated configuration cannot be hashed", e);
            }
            checksum = value;
        }
        return value;
    }

    /** Every node of the mesh: the Management Node (when its address is set) and each Conferencing Node. */
    public List<MeshPeer> mesh() {
        return mesh(node -> true);
    }

    /**
     * The nodes a tunnel can be kept with: the Management Node and the Conferencing Nodes that have
     * enrolled ({@link #ENROLLED}), since only they hold a certificate to authenticate one.
     */
    public List<MeshPeer> enrolledMesh() {
        return mesh(node -> Boolean.TRUE.equals(node.get(ENROLLED)));
    }

    private List<MeshPeer> mesh(Predicate<Map<String, Object>> keep) {
        List<MeshPeer> peers = new ArrayList<>();
        for (Map<String, Object> management : objects("management_vm")) {
            if (management.get("address") != null && !management.get("address").toString().isEmpty()) {
                peers.add(new MeshPeer(text(management.get("name")), text(management.get("address")), "MANAGEMENT", ""));
            }
        }
        for (Map<String, Object> node : objects("worker_vm")) {
            if (!keep.test(node)) {
                continue;
            }
            String location = object("system_location", idOf(node.get("system_location")))
                    .map(found -> text(found.get("name"))).orElse("");
            peers.add(new MeshPeer(text(node.get("name")), text(node.get("address")), text(node.get("node_type")),
                    location));
        }
        return List.copyOf(peers);
    }

    /** The id at the end of a resource URI such as {@code /api/admin/configuration/v1/system_location/3/}. */
    public static String idOf(Object uri) {
        String text = text(uri);
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Equal at the same revision with the same content, whatever the number types JSON gave it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReplicatedConfig that && revision == that.revision && checksum().equals(that.checksum());
    }

    @Override
    public int hashCode() {
        return checksum().hashCode();
    }
}
