package dev.confab.localcloud.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Instances declared in a JSON file, for the demo:
 *
 * <pre>{@code
 * {"instances": [
 *   {"instance_id": "i-0a1b2c3d4e5f60718", "private_ip": "127.0.1.3", "elastic_ip": "127.0.1.3",
 *    "instance_type": "c5.2xlarge", "state": "stopped", "tags": {"pexip-cloud": "mgmt", "Name": "demo-cn3"},
 *    "node": {"data": "demo-cn3", "system_root": "demo-cn3-root", "bind": "127.0.1.3", "log": "demo-cn3.log"}}
 * ]}
 * }</pre>
 *
 * Only {@code private_ip} is required: the id is generated, the type is {@value InstanceDeclaration#DEFAULT_TYPE},
 * the state {@code stopped}, and without {@code elastic_ip} the instance takes a new public address
 * from 198.51.100.0/24 at each start. {@code node} names the already-provisioned Conferencing Node the
 * instance runs (paths relative to the file's folder); without it the instance runs nothing. Pure
 * apart from reading the file.
 */
public final class InstanceFile {

    /** The Conferencing Node an instance runs: {@code confab conferencing-agent} with these settings. */
    public record NodeProcess(Path data, Path systemRoot, String bind, Path log) {
    }

    /** One declared instance and the node it runs, if any. */
    public record Entry(InstanceDeclaration declaration, Optional<NodeProcess> node) {
    }

    private static final Set<String> INSTANCE_KEYS = Set.of("instance_id", "private_ip", "elastic_ip",
            "instance_type", "state", "tags", "node");
    private static final Set<String> NODE_KEYS = Set.of("data", "system_root", "bind", "log");

    private InstanceFile() {
    }

    /** Reads the file; a mistake is refused with the file, the instance's position and what is wrong. */
    public static List<Entry> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        JsonNode list = root == null ? null : root.get("instances");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + ": expected {\"instances\": [ … ]}.");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ", instances[" + i + "]";
            try {
                entries.add(entry(list.get(i), folder));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** Declares every entry to {@code endpoint}; {@code machines} makes the machine of an entry's node. */
    public static List<String> declareAll(Ec2Endpoint endpoint, List<Entry> entries,
                                          Function<NodeProcess, InstanceMachine> machines) {
        List<String> ids = new ArrayList<>();
        for (Entry entry : entries) {
            ids.add(endpoint.declare(entry.declaration(), entry.node().map(machines).orElse(InstanceMachine.NONE)));
        }
        return ids;
    }

    private static Entry entry(JsonNode instance, Path folder) {
        checkKeys(instance, INSTANCE_KEYS, "an instance");
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = instance.get("tags");
        if (tagNode != null) {
            if (!tagNode.isObject()) {
                throw new IllegalArgumentException("tags is an object of key and value strings.");
            }
            tagNode.fields().forEachRemaining(tag -> tags.put(tag.getKey(), text(tag.getValue(), "tags." + tag.getKey())));
        }
        InstanceDeclaration declaration = new InstanceDeclaration(optional(instance, "instance_id").orElse(null),
                optional(instance, "private_ip").orElseThrow(() -> new IllegalArgumentException(
                        "private_ip is required.")), optional(instance, "elastic_ip"),
                optional(instance, "instance_type").orElse(InstanceDeclaration.DEFAULT_TYPE), tags,
                InstanceState.named(optional(instance, "state").orElse("stopped")));
        JsonNode node = instance.get("node");
        if (node == null) {
            return new Entry(declaration, Optional.empty());
        }
        checkKeys(node, NODE_KEYS, "node");
        String bind = optional(node, "bind").orElse(declaration.privateIp());
        return new Entry(declaration, Optional.of(new NodeProcess(path(node, "data", folder),
                path(node, "system_root", folder), bind, optional(node, "log").map(folder::resolve)
                .orElse(folder.resolve(bind + ".log")))));
    }

    private static void checkKeys(JsonNode object, Set<String> known, String what) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException(what + " is a JSON object.");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown key \"" + name + "\" in " + what + ": use "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    private static Optional<String> optional(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(value, key));
    }

    private static String text(JsonNode value, String key) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(key + " is a string.");
        }
        return value.asText();
    }

    private static Path path(JsonNode node, String key, Path folder) {
        return folder.resolve(optional(node, key).orElseThrow(() -> new IllegalArgumentException("node." + key
                + " is required.")));
    }
}
