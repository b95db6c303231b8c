package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one decision has planned so far: actions, notes, and the capacity its starts add. A note is
 * written out only when the statuses are asked for (the replay simulator asks only for the actions),
 * so each note's text must be a function of values that do not change afterwards. Not thread-safe.
 */
final class Plan {

    private final List<BurstingAction> starts = new ArrayList<>();
    private final List<BurstingAction> stops = new ArrayList<>();
    private final Map<Long, Integer> plannedHdCalls = new HashMap<>();
    private final Map<Long, Integer> plannedStarts = new HashMap<>();
    private final Map<Long, List<Supplier<String>>> locationNotes = new HashMap<>();
    private final List<Supplier<String>> notes = new ArrayList<>();
    private int runningOrStarting;

    Plan(int runningOrStarting) {
        this.runningOrStarting = runningOrStarting;
    }

    void start(OverflowNode node, String reason) {
        starts.add(BurstingAction.start(node, reason));
        plannedHdCalls.merge(node.node().locationId(), node.node().maintenance() ? 0 : node.node().capacityHdCalls(),
                Integer::sum);
        plannedStarts.merge(node.node().locationId(), 1, Integer::sum);
        runningOrStarting++;
    }

    void stop(OverflowNode node, String reason) {
        stops.add(BurstingAction.stop(node, reason));
    }

    /** HD calls of the nodes this plan starts in a location. */
    int plannedHdCalls(long locationId) {
        return plannedHdCalls.getOrDefault(locationId, 0);
    }

    /** Nodes this plan starts in a location. */
    int plannedStarts(long locationId) {
        return plannedStarts.getOrDefault(locationId, 0);
    }

    /** Overflow nodes running or starting, those this plan starts included. */
    int runningOrStarting() {
        return runningOrStarting;
    }

    /** A note on a location, written out when its status is asked for; the same text twice is one note. */
    void note(long locationId, Supplier<String> note) {
        locationNotes.computeIfAbsent(locationId, id -> new ArrayList<>()).add(note);
    }

    /** A platform-wide note, written out when asked for; the same text twice is one note. */
    void note(Supplier<String> note) {
        notes.add(note);
    }

    List<String> notes(long locationId) {
        return written(locationNotes.getOrDefault(locationId, List.of()));
    }

    List<String> notes() {
        return written(notes);
    }

    private static List<String> written(List<Supplier<String>> notes) {
        Set<String> texts = new LinkedHashSet<>();
        notes.forEach(note -> texts.add(note.get()));
        return List.copyOf(texts);
    }

    /** Starts first, then stops. */
    List<BurstingAction> actions() {
        List<BurstingAction> actions = new ArrayList<>(starts);
        actions.addAll(stops);
        return actions;
    }
}
