package dev.confab.shared.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The configuration a Conferencing Node holds, at one revision: the replicated resources, each as
 * objects by id (as text), each object as the management API renders it without secrets. The
 * Management Node applies each revision's changed objects to the previous build; a node applies
 * answers to its own. Both compute the same {@link #checksum()} for the same content, kept per
 * object so that an answer costs the objects it names. Immutable and thread-safe.
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

    private final long revision;
    private final Map<String, Map<String, Map<String, Object>>> resources;
    /** Each object's {@link ContentChecksum#digest}, by resource and id. */
    private final Map<String, Map<String, BigInteger>> digests;
    private final ContentChecksum checksum;

    @JsonCreator
    public ReplicatedConfig(@JsonProperty("revision") long revision,
                            @JsonProperty("resources") Map<String, Map<String, Map<String, Object>>> resources) {
        this.revision = revision;
        TreeMap<String, Map<String, Map<String, Object>>> copy = new TreeMap<>();
        Map<String, Map<String, BigInteger>> hashes = new TreeMap<>();
        ContentChecksum sum = ContentChecksum.EMPTY;
        for (String resource : RESOURCES) {
            TreeMap<String, Map<String, Object>> objects = new TreeMap<>();
            TreeMap<String, BigInteger> objectDigests = new TreeMap<>();
            Map<String, Map<String, Object>> given = resources == null ? null : resources.get(resource);
            if (given != null) {
                for (Map.Entry<String, Map<String, Object>> entry : given.entrySet()) {
                    Map<String, Object> object = canonical(entry.getValue());
                    BigInteger digest = ContentChecksum.digest(resource, entry.getKey(), object);
                    objects.put(entry.getKey(), object);
                    objectDigests.put(entry.getKey(), digest);
                    sum = sum.plus(digest);
                }
            }
            copy.put(resource, Collections.unmodifiableSortedMap(objects));
            hashes.put(resource, objectDigests);
        }
        this.resources = Collections.unmodifiableSortedMap(copy);
        this.digests = hashes;
        this.checksum = sum;
    }

    private ReplicatedConfig(long revision, Map<String, Map<String, Map<String, Object>>> resources,
                             Map<String, Map<String, BigInteger>> digests, ContentChecksum checksum) {
        this.revision = revision;
        this.resources = resources;
        this.digests = digests;
        this.checksum = checksum;
    }

    private static Map<String, Object> canonical(Map<String, Object> object) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(object));
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

    /**
     * What the answer describes, applied to this configuration; this one is left as it was. Only
     * the objects the answer names are hashed again: the checksum is updated per object.
     */
    public ReplicatedConfig apply(ConfigUpdate update) {
        if (update.snapshot()) {
            return of(update.revision(), update.upserts());
        }
        TreeMap<String, Map<String, Map<String, Object>>> nextResources = new TreeMap<>(resources);
        Map<String, Map<String, BigInteger>> nextDigests = new TreeMap<>(digests);
        ContentChecksum sum = checksum;
        Set<String> touched = new HashSet<>(update.deletions().keySet());
        touched.addAll(update.upserts().keySet());
        touched.retainAll(RESOURCES);
        for (String resource : touched) {
            TreeMap<String, Map<String, Object>> objects = new TreeMap<>(resources.get(resource));
            TreeMap<String, BigInteger> objectDigests = new TreeMap<>(digests.get(resource));
            for (String id : update.deletions().getOrDefault(resource, List.of())) {
                objects.remove(id);
                BigInteger removed = objectDigests.remove(id);
                if (removed != null) {
                    sum = sum.minus(removed);
                }
            }
            for (Map<String, Object> given : update.upserts().getOrDefault(resource, List.of())) {
                String id = String.valueOf(given.get("id"));
                Map<String, Object> object = canonical(given);
                BigInteger digest = ContentChecksum.digest(resource, id, object);
                objects.put(id, object);
                BigInteger replaced = objectDigests.put(id, digest);
                sum = (replaced == null ? sum : sum.minus(replaced)).plus(digest);
            }
            nextResources.put(resource, Collections.unmodifiableSortedMap(objects));
            nextDigests.put(resource, objectDigests);
        }
        return new ReplicatedConfig(update.revision(), Collections.unmodifiableSortedMap(nextResources), nextDigests,
                sum);
    }

    /** The answer that turns {@code older} into this configuration. */
    public ConfigUpdate since(ReplicatedConfig older) {
        Map<String, Set<String>> every = new TreeMap<>();
        for (String resource : RESOURCES) {
            Set<String> ids = new HashSet<>(older.resources.get(resource).keySet());
            ids.addAll(resources.get(resource).keySet());
            every.put(resource, ids);
        }
        return since(older, every);
    }

    /**
     * The answer that turns {@code older} into this configuration, when they differ at most in the
     * objects {@code touched} names (ids by resource): only those are compared.
     */
    public ConfigUpdate since(ReplicatedConfig older, Map<String, ? extends Collection<String>> touched) {
        Collection<String> none = List.of();
        Map<String, List<Map<String, Object>>> upserts = new TreeMap<>();
        Map<String, List<String>> deletions = new TreeMap<>();
        for (String resource : RESOURCES) {
            Map<String, BigInteger> before = older.digests.get(resource);
            Map<String, BigInteger> after = digests.get(resource);
            List<Map<String, Object>> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String id : new TreeSet<String>(touched.containsKey(resource) ? touched.get(resource) : none)) {
                BigInteger now = after.get(id);
                if (now == null && before.containsKey(id)) {
                    removed.add(id);
                } else if (now != null && !now.equals(before.get(id))) {
                    changed.add(resources.get(resource).get(id));
                }
            }
            if (!changed.isEmpty()) {
                upserts.put(resource, changed);
            }
            if (!removed.isEmpty()) {
                deletions.put(resource, removed);
            }
        }
        return new ConfigUpdate(revision, false, checksum(), upserts, deletions, null);
    }

    /** How many objects the configuration holds, of every resource. */
    public int objectCount() {
        int count = 0;
        for (Map<String, Map<String, Object>> objects : resources.values()) {
            count += objects.size();
        }
        return count;
    }

    /** The whole configuration as a snapshot answer. */
    public ConfigUpdate snapshot() {
        Map<String, List<Map<String, Object>>> all = new TreeMap<>();
        resources.forEach((resource, objects) -> all.put(resource, List.copyOf(objects.values())));
        return new ConfigUpdate(revision, true, checksum(), all, Map.of(), null);
    }

    /**
     * The checksum of the content (the revision is not part of it): the sum modulo 2^256 of every
     * object's SHA-256 over its resource name, id and canonical JSON (keys sorted), as 64 hex
     * digits. Both ends compute it the same way; it is kept up to date per object as answers apply.
     */
    @JsonIgnore
    public String checksum() {
        return checksum.hex();
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
