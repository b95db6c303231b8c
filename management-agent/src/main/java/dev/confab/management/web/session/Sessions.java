package dev.confab.management.web.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Administrator interface sessions, in memory (a restart logs everyone out). A session ends at
 * logout or after {@code idle} without a request. Thread-safe.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final ConcurrentHashMap<String, WebSession> byId = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** Starts a session for a user who has just proved their password. */
    public WebSession open(String user) {
        byId.values().removeIf(this::expired);
        WebSession session = new WebSession(randomToken(), user, randomToken(), clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or idle too long. */
    public Optional<WebSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session)) {
            byId.remove(id);
            return Optional.empty();
        }
        session.touch(clock.instant());
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private boolean expired(WebSession session) {
        return !session.lastSeen().plus(idle).isAfter(clock.instant());
    }

    /** 32 random bytes, URL-safe: session ids and form tokens. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
