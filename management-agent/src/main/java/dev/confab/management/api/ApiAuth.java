package dev.confab.management.api;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.auth.LoginAttempts;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authenticates management API requests: HTTP Basic with the web administration account, or
 * {@code Authorization: Bearer <token>} with an API token, through {@link LoginAttempts}: failures
 * are summed in the administrator log, and a guess past the throttle is answered at once with 429
 * and {@code Retry-After}. Thread-safe.
 */
public final class ApiAuth {

    /** Request attribute holding the authenticated {@link Actor}. */
    public static final String ACTOR = "confab.actor";

    private final LoginAttempts logins;

    public ApiAuth(LoginAttempts logins) {
        this.logins = logins;
    }

    /** A before-handler: sets {@link #ACTOR}, or answers 401 (refused) or 429 (too many attempts). */
    public void authenticate(Context ctx) {
        authenticate(ctx, token -> Optional.empty());
    }

    /**
     * As {@link #authenticate(Context)}, where a Bearer token may also be one {@code alsoAccepted}
     * names the user of.
     */
    public void authenticate(Context ctx, Function<String, Optional<String>> alsoAccepted) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String address = ctx.ip();
        if (header.isEmpty()) {
            throw unauthorized(ctx, "Authentication required: use HTTP Basic with the web administration account,"
                    + " or a Bearer API token.");
        }
        LoginAttempts.Outcome outcome;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            outcome = logins.token(header.substring(7).trim(), address, alsoAccepted);
        } else {
            String decoded = header.regionMatches(true, 0, "Basic ", 0, 6) ? decode(header.substring(6).trim()) : "";
            int colon = decoded.indexOf(':');
            outcome = colon > 0 ? logins.password(decoded.substring(0, colon), decoded.substring(colon + 1), address)
                    : logins.password("", "", address);
        }
        if (outcome.accepted()) {
            ctx.attribute(ACTOR, new Actor(outcome.user().orElseThrow(), address));
            return;
        }
        if (outcome.throttled()) {
            ctx.header("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            throw new TooManyAttemptsException(TooManyAttemptsException.message(outcome.retryAfterSeconds()));
        }
        throw unauthorized(ctx, "The credentials were not accepted: check the user name and password, or the API"
                + " token.");
    }

    private static UnauthorizedException unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Basic realm=\"Confab Management Node\", charset=\"UTF-8\"");
        return new UnauthorizedException(message);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The actor of an authenticated request. */
    public static Actor actor(Context ctx) {
        return ctx.attribute(ACTOR);
    }
}
