package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one decision has planned so far: actions, notes, and the capacity its starts add. Not thread-safe. */
final class Plan {

    private final List<BurstingAction> starts = new ArrayList<>();
    private final List<BurstingAction> stops = new ArrayList<>();
    private final Map<Long, Integer> plannedHdCalls = new HashMap<>();
    private final Map<Long, Integer> plannedStarts = new HashMap<>();
    private final Map<Long, Set<String>> locationNotes = new HashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
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

    void note(long locationId, String note) {
        locationNotes.computeIfAbsent(locationId, id -> new LinkedHashSet<>()).add(note);
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes(long locationId) {
        return List.copyOf(locationNotes.getOrDefault(locationId, Set.of()));
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Starts first, then stops. */
    List<BurstingAction> actions() {
        List<BurstingAction> actions = new ArrayList<>(starts);
        actions.addAll(stops);
        return actions;
    }
}
