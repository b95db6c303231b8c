package dev.confab.conferencing.admission;

import dev.confab.shared.wire.Heartbeat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The calls this node signals, by participant id and by token, and the counter that numbers its
 * licence requests and reports. A call is added before its licence is asked for and stays listed
 * (unplaced) until it is placed or given up; a token is valid until it expires, is refreshed
 * (the old one is then invalid) or released. Thread-safe: every method is atomic.
 */
final class CallBook {

    // guarded by this
    private final Map<String, Call> byUuid = new LinkedHashMap<>();
    private final Map<String, String> uuidByToken = new HashMap<>();
    private long sequence;

    /**
     * Lists an unplaced call and returns the number of its licence request, taken after it was
     * listed: a report numbered higher lists it (unless it has ended).
     */
    synchronized long add(Call call) {
        byUuid.put(call.uuid(), call);
        return ++sequence;
    }

    /** Places a listed call under its first token; empty when it ended meanwhile (disconnected, dropped). */
    synchronized Optional<Call> place(String uuid, Call.Media media, String token, Instant expires) {
        Call call = byUuid.get(uuid);
        if (call == null) {
            return Optional.empty();
        }
        Call placed = call.placedOn(media, token, expires);
        byUuid.put(uuid, placed);
        uuidByToken.put(token, uuid);
        return Optional.of(placed);
    }

    /** Ends a call; returns it if it was listed. */
    synchronized Optional<Call> remove(String uuid) {
        Call call = byUuid.remove(uuid);
        if (call != null && call.token() != null) {
            uuidByToken.remove(call.token());
        }
        return Optional.ofNullable(call);
    }

    /** The call {@code token} holds, if the token is valid at {@code now}. */
    synchronized Optional<Call> byToken(String token, Instant now) {
        String uuid = token == null ? null : uuidByToken.get(token);
        Call call = uuid == null ? null : byUuid.get(uuid);
        return call == null || !now.isBefore(call.expires()) ? Optional.empty() : Optional.of(call);
    }

    /** Replaces a valid {@code token} by {@code newToken}, valid until {@code expires}; empty when {@code token} is not valid. */
    synchronized Optional<Call> refresh(String token, Instant now, String newToken, Instant expires) {
        Optional<Call> call = byToken(token, now);
        call.ifPresent(found -> {
            uuidByToken.remove(token);
            uuidByToken.put(newToken, found.uuid());
            byUuid.put(found.uuid(), found.refreshed(newToken, expires));
        });
        return call.map(found -> byUuid.get(found.uuid()));
    }

    /** Ends every placed call whose token has expired at {@code now}; returns them. */
    synchronized List<Call> expire(Instant now) {
        return removeIf(call -> call.placed() && !now.isBefore(call.expires()));
    }

    /** Ends every call {@code matches} selects; returns them. */
    synchronized List<Call> removeIf(Predicate<Call> matches) {
        List<Call> removed = new ArrayList<>(byUuid.values().stream().filter(matches).toList());
        removed.forEach(call -> remove(call.uuid()));
        return removed;
    }

    /** Every listed call, placed or not. */
    synchronized List<Call> all() {
        return List.copyOf(byUuid.values());
    }

    /** The report of every listed call, numbered after every licence request made so far. */
    synchronized Heartbeat.Calls report(String incarnation) {
        long number = ++sequence;
        return new Heartbeat.Calls(incarnation, number, byUuid.values().stream().map(Call::report).toList());
    }
}
