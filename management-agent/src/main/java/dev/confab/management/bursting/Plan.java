package dev.confab.management.bursting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one decision has planned so far: actions, notes, and the capacity its starts add. A note is
 * written out only when the statuses are asked for (the replay simulator asks only for the actions),
 * so each note's text must be a function of values that do not change afterwards. Not thread-safe.
 */
final class Plan {

    private final PlatformShape shape;
    private final List<BurstingAction> starts = new ArrayList<>(1);
    private final List<BurstingAction> stops = new ArrayList<>(1);
    /** By location index (see {@link PlatformShape#index}): HD calls and nodes this plan starts there. */
    private final int[] plannedHdCalls;
    private final int[] plannedStarts;
    /** By location index, made when a location is first noted on. */
    private List<Supplier<String>>[] locationNotes;
    private final List<Supplier<String>> notes = new ArrayList<>(1);
    private int runningOrStarting;

    Plan(PlatformShape shape, int runningOrStarting) {
        this.shape = shape;
        int locations = shape.locationCount();
        this.plannedHdCalls = new int[locations];
        this.plannedStarts = new int[locations];
        this.runningOrStarting = runningOrStarting;
    }

    void start(OverflowNode node, String reason) {
        starts.add(BurstingAction.start(node, reason));
        int location = shape.index(node.node().locationId());
        plannedHdCalls[location] += node.node().maintenance() ? 0 : node.node().capacityHdCalls();
        plannedStarts[location]++;
        runningOrStarting++;
    }

    void stop(OverflowNode node, String reason) {
        stops.add(BurstingAction.stop(node, reason));
    }

    /** HD calls of the nodes this plan starts in a location. */
    int plannedHdCalls(long locationId) {
        return plannedHdCalls[shape.index(locationId)];
    }

    /** Nodes this plan starts in a location. */
    int plannedStarts(long locationId) {
        return plannedStarts[shape.index(locationId)];
    }

    /** Overflow nodes running or starting, those this plan starts included. */
    int runningOrStarting() {
        return runningOrStarting;
    }

    /** A note on a location, written out when its status is asked for; the same text twice is one note. */
    @SuppressWarnings("unchecked")
    void note(long locationId, Supplier<String> note) {
        if (locationNotes == null) {
            locationNotes = new List[shape.locationCount()];
        }
        int location = shape.index(locationId);
        if (locationNotes[location] == null) {
            locationNotes[location] = new ArrayList<>();
        }
        locationNotes[location].add(note);
    }

    /** A platform-wide note, written out when asked for; the same text twice is one note. */
    void note(Supplier<String> note) {
        notes.add(note);
    }

    List<String> notes(long locationId) {
        List<Supplier<String>> noted = locationNotes == null ? null : locationNotes[shape.index(locationId)];
        return written(noted == null ? List.of() : noted);
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
