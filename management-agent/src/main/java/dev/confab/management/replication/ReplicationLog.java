package dev.confab.management.replication;

import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ReplicatedConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replicated configuration at the newest revision and the last changes that led to it, each as
 * the difference between two consecutive builds. Answers "what changed since R" by merging the
 * changes after R, or with a snapshot when R is not a revision it recorded (too old, from before
 * a restart, or negative: the node asks for everything). A build at the same revision with other
 * content (an enrolment, which is no configuration change, sets a node's {@code enrolled}) is a
 * change from R to R: merged into every answer for a node at R or before, which is right whichever
 * of those changes the node already holds, since a merge sets each object it touches to its newest
 * form. Thread-safe.
 */
final class ReplicationLog {

    private record Change(long from, ConfigUpdate update) {
    }

    /** The newest configuration and the changes that led to it; replaced whole, never changed. */
    private record State(ReplicatedConfig current, List<Change> changes, boolean started) {
    }

    private final int capacity;
    /** Read without a lock by every poll; replaced only under this object's lock. */
    private volatile State state = new State(ReplicatedConfig.empty(), List.of(), false);

    /** Keeps at most {@code capacity} changes. */
    ReplicationLog(int capacity) {
        this.capacity = capacity;
    }

    /** Makes {@code next} the newest configuration, unless it is older or the same. */
    synchronized void record(ReplicatedConfig next) {
        record(next, state.started() ? next.since(state.current()) : null);
    }

    /**
     * As {@link #record(ReplicatedConfig)}, with {@code change}: the answer that turns the current
     * configuration into {@code next}, as the caller knows it without comparing every object.
     */
    synchronized void record(ReplicatedConfig next, ConfigUpdate change) {
        State now = state;
        ReplicatedConfig current = now.current();
        if (now.started() && (next.revision() < current.revision()
                || next.revision() == current.revision() && next.checksum().equals(current.checksum()))) {
            return;
        }
        List<Change> changes = now.changes();
        if (now.started()) {
            List<Change> longer = new ArrayList<>(changes.size() + 1);
            longer.addAll(changes.subList(Math.max(0, changes.size() + 1 - capacity), changes.size()));
            longer.add(new Change(current.revision(), change));
            changes = List.copyOf(longer);
        }
        state = new State(next, changes, true);
    }

    ReplicatedConfig current() {
        return state.current();
    }

    /** What a node holding {@code revision} needs to reach the newest revision. */
    ConfigUpdate since(long revision) {
        return since(state, revision);
    }

    private static ConfigUpdate since(State state, long revision) {
        ReplicatedConfig current = state.current();
        if (revision == current.revision()) {
            return new ConfigUpdate(revision, false, current.checksum(), Map.of(), Map.of(), null);
        }
        List<Change> after = new ArrayList<>();
        boolean found = false;
        for (Change change : state.changes()) {
            found |= change.from() == revision;
            if (found) {
                after.add(change);
            }
        }
        return found ? merge(current, after) : current.snapshot();
    }

    /**
     * What a node holding {@code revision} with content {@code checksum} needs: as {@link #since(long)},
     * except that a node at the newest revision whose content predates a change at that revision
     * is sent that change.
     */
    ConfigUpdate since(long revision, String checksum) {
        State now = state;
        ReplicatedConfig current = now.current();
        if (revision != current.revision() || checksum.equals(current.checksum())) {
            return since(now, revision);
        }
        List<Change> atRevision = now.changes().stream().filter(change -> change.from() == revision).toList();
        return atRevision.isEmpty() ? current.snapshot() : merge(current, atRevision);
    }

    private static ConfigUpdate merge(ReplicatedConfig current, List<Change> after) {
        Map<String, Map<String, Map<String, Object>>> upserts = new TreeMap<>();
        Map<String, Set<String>> deletions = new TreeMap<>();
        for (Change change : after) {
            change.update().deletions().forEach((resource, ids) -> ids.forEach(id -> {
                upserts.computeIfAbsent(resource, name -> new LinkedHashMap<>()).remove(id);
                deletions.computeIfAbsent(resource, name -> new LinkedHashSet<>()).add(id);
            }));
            change.update().upserts().forEach((resource, objects) -> objects.forEach(object -> {
                String id = String.valueOf(object.get("id"));
                deletions.computeIfAbsent(resource, name -> new LinkedHashSet<>()).remove(id);
                upserts.computeIfAbsent(resource, name -> new LinkedHashMap<>()).put(id, object);
            }));
        }
        Map<String, List<Map<String, Object>>> upsertLists = new TreeMap<>();
        upserts.forEach((resource, objects) -> {
            if (!objects.isEmpty()) {
                upsertLists.put(resource, List.copyOf(objects.values()));
            }
        });
        Map<String, List<String>> deletionLists = new TreeMap<>();
        deletions.forEach((resource, ids) -> {
            if (!ids.isEmpty()) {
                deletionLists.put(resource, List.copyOf(ids));
            }
        });
        return new ConfigUpdate(current.revision(), false, current.checksum(), upsertLists, deletionLists, null);
    }
}
