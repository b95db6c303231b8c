package dev.confab.management.web.session;

import dev.confab.management.api.ForbiddenException;
import dev.confab.management.api.MetricsApi;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs before every request outside the API and {@code /metrics}: a page needs a live session (else the browser is
 * sent to the login page) and a POST needs the session's form token (else 403). Thread-safe.
 */
public final class WebGuard {

    private static final String SESSION = "confab.web.session";

    private final Sessions sessions;

    public WebGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        String path = ctx.path();
        if (ownAuthentication(path)) {
            return;
        }
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        if (isPublic(path)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<WebSession> session = sessions.find(ctx.cookie(Cookies.SESSION));
        if (session.isEmpty()) {
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", "/login");
                ctx.status(HttpStatus.UNAUTHORIZED);
            } else {
                boolean get = HandlerType.GET.equals(ctx.method());
                ctx.redirect(get ? "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8) : "/login",
                        get ? HttpStatus.FOUND : HttpStatus.SEE_OTHER);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (HandlerType.POST.equals(ctx.method())
                && !Csrf.accepts(session.get().csrfToken(), ctx.formParam(Csrf.FIELD))) {
            throw new ForbiddenException("The form was refused: it did not carry this session's security token."
                    + " Open the page again and resubmit.");
        }
        ctx.attribute(SESSION, session.get());
    }

    /** The API and {@code /metrics}, which authenticate each request themselves and serve no page. */
    private static boolean ownAuthentication(String path) {
        return path.startsWith("/api/") || path.equals(MetricsApi.PATH);
    }

    /** Paths served without a session: the API and /metrics (their own authentication), login and static files. */
    static boolean isPublic(String path) {
        return ownAuthentication(path) || path.equals("/login") || path.startsWith("/webjars/")
                || path.startsWith("/static/") || path.equals("/favicon.ico");
    }

    /** The session of a request that passed the guard. */
    public static WebSession session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The session of a request, if it passed the guard. */
    public static Optional<WebSession> optionalSession(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
