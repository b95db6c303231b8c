package dev.confab.management.web.session;

import dev.confab.management.adminlog.Actor;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One logged-in administrator: who, the form token that every POST must carry, when the last
 * request came, and a one-shot message for the next page. Thread-safe.
 */
public final class WebSession {

    private final String id;
    private final String user;
    private final String csrfToken;
    private volatile Instant lastSeen;
    private final AtomicReference<String> flash = new AtomicReference<>();

    WebSession(String id, String user, String csrfToken, Instant lastSeen) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.lastSeen = lastSeen;
    }

    public String id() { return id; }
    public String user() { return user; }
    public String csrfToken() { return csrfToken; }
    Instant lastSeen() { return lastSeen; }
    void touch(Instant now) { lastSeen = now; }

    /** Who acts in the administrator log: this user from the request's address. */
    public Actor actor(Context ctx) {
        return new Actor(user, ctx.ip());
    }

    /** Leaves a message for the next page shown. */
    public void flash(String message) {
        flash.set(message);
    }

    /** The message left for this page, once. */
    public String takeFlash() {
        return flash.getAndSet(null);
    }
}
