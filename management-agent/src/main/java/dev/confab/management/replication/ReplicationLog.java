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
 * a restart, or negative: the node asks for everything). It keeps at least a given number of
 * changes, and more while the objects they touch add up to no more than the configuration holds
 * (up to a maximum): a merge of them is then no larger than a snapshot, and a fleet that falls a
 * few seconds behind a burst of writes is sent what changed, not the whole configuration again.
 * A build at the same revision with other content (an enrolment, which is no configuration
 * change, sets a node's {@code enrolled}) is a change from R to R: merged into every answer for a
 * node at R or before, which is right whichever of those changes the node already holds, since a
 * merge sets each object it touches to its newest form. Thread-safe.
 */
final class ReplicationLog {

    private record Change(long from, ConfigUpdate update, int objects) {
        Change(long from, ConfigUpdate update) {
            this(from, update, touched(update));
        }

        private static int touched(ConfigUpdate update) {
            int count = 0;
            for (List<?> objects : update.upserts().values()) {
                count += objects.size();
            }
            for (List<?> ids : update.deletions().values()) {
                count += ids.size();
            }
            return count;
        }
    }

    /** The newest configuration and the changes that led to it; replaced whole, never changed. */
    private record State(ReplicatedConfig current, List<Change> changes, boolean started) {
    }

    private final int minimum;
    private final int maximum;
    /** Read without a lock by every poll; replaced only under this object's lock. */
    private volatile State state = new State(ReplicatedConfig.empty(), List.of(), false);

    /** Keeps exactly {@code capacity} changes, however many objects they touch. */
    ReplicationLog(int capacity) {
        this(capacity, capacity);
    }

    /**
     * Keeps at least {@code minimum} changes, and at most {@code maximum}: between the two, as many
     * of the newest as touch no more objects together than the configuration holds.
     */
    ReplicationLog(int minimum, int maximum) {
        if (minimum < 1 || maximum < minimum) {
            throw new IllegalArgumentException("keep 1 <= minimum <= maximum changes, not " + minimum + " and "
                    + maximum);
        }
        this.minimum = minimum;
        this.maximum = maximum;
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
            changes = kept(changes, new Change(current.revision(), change), next.objectCount());
        }
        state = new State(next, changes, true);
    }

    /** {@code changes} and {@code added}, less the oldest beyond what this log keeps. */
    private List<Change> kept(List<Change> changes, Change added, int configurationObjects) {
        int keep = 1;
        long objects = added.objects();
        for (int index = changes.size() - 1; index >= 0 && keep < maximum; index--) {
            objects += changes.get(index).objects();
            if (keep >= minimum && objects > configurationObjects) {
                break;
            }
            keep++;
        }
        List<Change> longer = new ArrayList<>(keep);
        longer.addAll(changes.subList(changes.size() - (keep - 1), changes.size()));
        longer.add(added);
        return List.copyOf(longer);
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
