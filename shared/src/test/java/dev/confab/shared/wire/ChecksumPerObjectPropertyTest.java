package dev.confab.shared.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: however a configuration got where it is (creates, updates, deletes and bulk changes
 * across every replicated resource, applied one answer at a time, some of them over the wire), the
 * checksum kept per object equals the checksum of the whole configuration built at once from the
 * same content. Each sequence is drawn from its own seed, printed with any failure; run one again
 * with {@code -Dconfab.checksum.seed=SEED}.
 */
class ChecksumPerObjectPropertyTest {

    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 40;
    private static final ObjectMapper JSON = NodeChannel.json();

    @Test
    void theChecksumKeptPerObjectEqualsTheWholeConfigurationsAfterAnySequenceOfChanges() throws Exception {
        String fixed = System.getProperty("confab.checksum.seed");
        if (fixed != null) {
            runSequence(Long.parseLong(fixed));
            return;
        }
        Random seeds = new Random();
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            runSequence(seeds.nextLong());
        }
    }

    /** A sequence of 1 to {@link #STEPS} answers drawn from {@code seed}, then the property checked. */
    private static void runSequence(long seed) throws Exception {
        Random random = new Random(seed);
        // the content as plain maps, with nothing of ReplicatedConfig's bookkeeping
        Map<String, Map<String, Map<String, Object>>> model = new TreeMap<>();
        ReplicatedConfig kept = ReplicatedConfig.empty();
        ReplicatedConfig before = kept;
        long revision = 0;
        int steps = 1 + random.nextInt(STEPS);
        for (int step = 0; step < steps; step++) {
            ConfigUpdate change = randomChange(random, model, ++revision);
            before = kept;
            kept = kept.apply(random.nextInt(4) == 0 ? overTheWire(change) : change);
        }
        ReplicatedConfig whole = new ReplicatedConfig(revision, model);
        String where = "sequence seed " + seed + " (rerun with -Dconfab.checksum.seed=" + seed + ")";
        assertEquals(whole.checksum(), kept.checksum(), where);
        assertEquals(JSON.writeValueAsString(whole.resources()), JSON.writeValueAsString(kept.resources()), where);
        assertEquals(kept.checksum(), before.apply(kept.since(before)).checksum(), where + ": the last delta");
    }

    /** One answer: a create, update or delete, or a bulk change of several, applied to {@code model} too. */
    private static ConfigUpdate randomChange(Random random, Map<String, Map<String, Map<String, Object>>> model,
                                             long revision) {
        Map<String, List<Map<String, Object>>> upserts = new HashMap<>();
        Map<String, List<String>> deletions = new HashMap<>();
        int changes = random.nextInt(5) == 0 ? 2 + random.nextInt(6) : 1;
        for (int i = 0; i < changes; i++) {
            String resource = ReplicatedConfig.RESOURCES.get(random.nextInt(ReplicatedConfig.RESOURCES.size()));
            Map<String, Map<String, Object>> objects = model.computeIfAbsent(resource, name -> new TreeMap<>());
            List<String> ids = new ArrayList<>(objects.keySet());
            int action = ids.isEmpty() ? 0 : random.nextInt(3);
            if (action == 2) {
                String id = ids.get(random.nextInt(ids.size()));
                objects.remove(id);
                remove(upserts.get(resource), id);
                deletions.computeIfAbsent(resource, name -> new ArrayList<>()).add(id);
            } else {
                long id = action == 0 ? 1 + random.nextInt(50) : Long.parseLong(ids.get(random.nextInt(ids.size())));
                Map<String, Object> object = randomObject(random, id, objects.get(Long.toString(id)));
                objects.put(Long.toString(id), object);
                remove(upserts.get(resource), Long.toString(id));
                List<String> deleted = deletions.get(resource);
                if (deleted != null) {
                    deleted.remove(Long.toString(id));
                }
                upserts.computeIfAbsent(resource, name -> new ArrayList<>()).add(object);
            }
        }
        return new ConfigUpdate(revision, false, null, upserts, deletions, null);
    }

    private static void remove(List<Map<String, Object>> objects, String id) {
        if (objects != null) {
            objects.removeIf(object -> String.valueOf(object.get("id")).equals(id));
        }
    }

    /** A new object, or {@code previous} with some fields changed, added or taken away. */
    private static Map<String, Object> randomObject(Random random, long id, Map<String, Object> previous) {
        Map<String, Object> object = previous == null ? new LinkedHashMap<>() : new LinkedHashMap<>(previous);
        object.put("id", id);
        object.put("resource_uri", "/api/admin/configuration/v1/any/" + id + "/");
        int fields = 1 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            String field = "field_" + random.nextInt(8);
            switch (random.nextInt(6)) {
                case 0 -> object.remove(field);
                case 1 -> object.put(field, random.nextBoolean());
                case 2 -> object.put(field, (long) random.nextInt(3));
                case 3 -> object.put(field, "text " + random.nextInt(3));
                case 4 -> object.put(field, List.of("/api/admin/configuration/v1/dns_server/" + random.nextInt(3) + "/"));
                default -> object.put(field, null);
            }
        }
        return object;
    }

    /** The answer as a node receives it: JSON, with whatever number types Jackson reads it as. */
    private static ConfigUpdate overTheWire(ConfigUpdate update) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(update), ConfigUpdate.class);
    }
}
