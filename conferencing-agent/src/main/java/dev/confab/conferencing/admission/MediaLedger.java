package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.Backplane;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The media capacity this node holds for calls, whichever node signals them: the authoritative
 * check that keeps the node within its capacity. A reservation is taken only if the node's tokens
 * in use (every call's, plus one HD call per conference for the backplane on a platform of several
 * nodes) stay within its capacity after it, and, in maintenance mode, only for a conference the
 * node hosts already. A reservation released is remembered for a while and not taken again: the
 * release of a reservation whose answer was lost may overtake the reservation itself. Every check
 * and change is atomic: thread-safe.
 */
final class MediaLedger {

    /**
     * One call's capacity on this node.
     *
     * @param id                    the call's participant id
     * @param signallingNode        the node holding the call's token
     * @param signallingIncarnation that node's calls' generation: the reservation ends with it
     */
    record Reservation(String id, String conference, CallType callType, String signallingNode,
                       String signallingIncarnation) {
    }

    private final Supplier<Capacity> capacity;
    private final BooleanSupplier multiNode;
    private final BooleanSupplier maintenanceMode;
    // guarded by this
    private final Map<String, Reservation> byId = new LinkedHashMap<>();
    private final Map<String, Integer> callsByConference = new TreeMap<>();
    private int callTokens;
    private final Map<String, Boolean> released = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RELEASED_KEPT;
        }
    };

    /** How many released reservations are remembered. */
    static final int RELEASED_KEPT = 100_000;

    MediaLedger(Supplier<Capacity> capacity, BooleanSupplier multiNode, BooleanSupplier maintenanceMode) {
        this.capacity = capacity;
        this.multiNode = multiNode;
        this.maintenanceMode = maintenanceMode;
    }

    /** Takes {@code reservation}'s capacity; empty when taken (or held already), else why not. */
    synchronized Optional<String> reserve(Reservation reservation) {
        if (byId.containsKey(reservation.id())) {
            return Optional.empty();
        }
        if (released.containsKey(reservation.id())) {
            return Optional.of("the call's reservation was released already");
        }
        boolean hosts = callsByConference.containsKey(reservation.conference());
        if (!hosts && maintenanceMode.getAsBoolean()) {
            return Optional.of("in maintenance mode, it takes no new conferences");
        }
        int needed = Backplane.tokensToAdmit(reservation.callType(), hosts, multiNode.getAsBoolean());
        int max = capacity.get().maxMediaTokens();
        int used = tokensUsed();
        if (used + needed > max) {
            return Optional.of("no room for " + Call.describe(reservation.callType()) + " (" + needed + " media tokens needed, " + (max - used)
                    + " of " + max + " free)");
        }
        byId.put(reservation.id(), reservation);
        callsByConference.merge(reservation.conference(), 1, Integer::sum);
        callTokens += reservation.callType().tokens();
        return Optional.empty();
    }

    /** Frees one call's capacity, and its conference's backplane with its last call; false when not held. */
    synchronized boolean release(String id) {
        released.put(id, Boolean.TRUE);
        Reservation reservation = byId.remove(id);
        if (reservation == null) {
            return false;
        }
        callsByConference.computeIfPresent(reservation.conference(), (conference, calls) -> calls == 1 ? null : calls - 1);
        callTokens -= reservation.callType().tokens();
        return true;
    }

    /** Frees every reservation {@code matches} selects; returns them. */
    synchronized List<Reservation> releaseIf(Predicate<Reservation> matches) {
        List<Reservation> released = new ArrayList<>(byId.values().stream().filter(matches).toList());
        released.forEach(reservation -> release(reservation.id()));
        return released;
    }

    /** Whether a conference has calls here. */
    synchronized boolean hosts(String conference) {
        return callsByConference.containsKey(conference);
    }

    /** Media tokens free now. */
    synchronized int freeTokens() {
        return Capacity.freeTokens(capacity.get().maxMediaTokens(), tokensUsed());
    }

    /** The load as the node reports it. */
    synchronized Heartbeat.Load load() {
        Map<CallType, Integer> calls = new EnumMap<>(CallType.class);
        byId.values().forEach(reservation -> calls.merge(reservation.callType(), 1, Integer::sum));
        Map<String, Integer> byName = new TreeMap<>();
        calls.forEach((type, count) -> byName.put(type.name(), count));
        int used = tokensUsed();
        return new Heartbeat.Load(used, capacity.get().mediaLoad(used), byName,
                List.copyOf(callsByConference.keySet()));
    }

    private int tokensUsed() {
        return callTokens + Backplane.tokens(callsByConference.size(), multiNode.getAsBoolean());
    }
}
