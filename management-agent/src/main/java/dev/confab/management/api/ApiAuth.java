package dev.confab.management.api;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.auth.Credentials;
import dev.confab.management.auth.LoginThrottle;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.Store;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates management API requests: HTTP Basic with the web administration account, or
 * {@code Authorization: Bearer <token>} with an API token. Failures are written to the
 * administrator log and slowed down per address. Thread-safe.
 */
public final class ApiAuth {

    /** What a failed login is about in the administrator log: the web administration account. */
    private static final String ADMIN_ACCOUNT = "admin_account";

    /** Request attribute holding the authenticated {@link Actor}. */
    public static final String ACTOR = "confab.actor";

    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final Store store;
    private final Clock clock;

    public ApiAuth(Credentials credentials, LoginThrottle throttle, Store store, Clock clock) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.store = store;
        this.clock = clock;
    }

    /** A before-handler: sets {@link #ACTOR} or answers 401. */
    public void authenticate(Context ctx) throws InterruptedException {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String address = ctx.ip();
        Optional<String> user = Optional.empty();
        String claimed = "";
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decode(header.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                claimed = decoded.substring(0, colon);
                if (credentials.checkPassword(claimed, decoded.substring(colon + 1))) {
                    user = Optional.of(claimed);
                }
            }
        } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            claimed = "token";
            user = credentials.checkToken(header.substring(7).trim()).map(name -> "token:" + name);
        }
        if (user.isPresent()) {
            throttle.succeed(address);
            ctx.attribute(ACTOR, new Actor(user.get(), address));
            return;
        }
        if (!header.isEmpty()) {
            Duration delay = throttle.fail(address);
            logFailure(claimed, address);
            Thread.sleep(delay.toMillis());
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"Confab Management Node\", charset=\"UTF-8\"");
        throw new UnauthorizedException(header.isEmpty()
                ? "Authentication required: use HTTP Basic with the web administration account, or a Bearer API token."
                : "The credentials were not accepted: check the user name and password, or the API token.");
    }

    /** Writes a failed login to the administrator log; no configuration revision. */
    public void logFailure(String claimedUser, String address) {
        store.write(handle -> {
            AdminLog.of(AdminLog.Action.LOGIN_FAILED, clock.instant())
                    .by(claimedUser.isEmpty() ? Actor.unknown(address) : new Actor(claimedUser, address))
                    .about(ADMIN_ACCOUNT, null, claimedUser).details("failed login")
                    .appendTo(handle.attach(AdminLogDao.class));
            return null;
        });
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
