package dev.confab.management.web.pages;

import dev.confab.management.api.ForbiddenException;
import dev.confab.management.api.TooManyAttemptsException;
import dev.confab.management.auth.LoginAttempts;
import dev.confab.management.web.session.Cookies;
import dev.confab.management.web.session.Csrf;
import dev.confab.management.web.session.Sessions;
import dev.confab.management.web.session.WebSession;
import dev.confab.management.web.views.Menu;
import dev.confab.management.web.views.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /login} and {@code /logout}. The login form carries a token that must match a cookie set
 * with the form; logins go through {@link LoginAttempts}, as on the API: failures are summed in the
 * administrator log, and past the throttle the page says at once how long to wait (429).
 */
public final class LoginPage {

    private final LoginAttempts logins;
    private final Sessions sessions;
    private final Templates templates;

    public LoginPage(LoginAttempts logins, Sessions sessions, Templates templates) {
        this.logins = logins;
        this.sessions = sessions;
        this.templates = templates;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/login", this::show);
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout);
    }

    private void show(Context ctx) {
        if (sessions.find(ctx.cookie(Cookies.SESSION)).isPresent()) {
            ctx.redirect(Menu.HOME, HttpStatus.FOUND);
            return;
        }
        // keep a token the browser already holds: another tab's login form stays valid
        String token = ctx.cookie(Cookies.LOGIN);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = Sessions.randomToken();
            ctx.addHeader("Set-Cookie", Cookies.set(Cookies.LOGIN, token));
        }
        render(ctx, token, "", null, "");
    }

    private void login(Context ctx) {
        String token = ctx.cookie(Cookies.LOGIN);
        if (!Csrf.accepts(token, ctx.formParam(Csrf.FIELD))) {
            throw new ForbiddenException("The login form was refused: it did not carry its security token."
                    + " Open the login page again.");
        }
        String user = value(ctx.formParam("username"));
        String password = value(ctx.formParam("password"));
        LoginAttempts.Outcome outcome = logins.password(user, password, ctx.ip());
        if (outcome.accepted()) {
            WebSession session = sessions.open(user);
            ctx.addHeader("Set-Cookie", Cookies.set(Cookies.SESSION, session.id()));
            ctx.addHeader("Set-Cookie", Cookies.clear(Cookies.LOGIN));
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        if (outcome.throttled()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            render(ctx, token, user, TooManyAttemptsException.message(outcome.retryAfterSeconds()),
                    value(ctx.formParam("next")));
            return;
        }
        ctx.status(HttpStatus.UNAUTHORIZED);
        render(ctx, token, user, "The user name or password is not correct.", value(ctx.formParam("next")));
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Cookies.SESSION));
        ctx.addHeader("Set-Cookie", Cookies.clear(Cookies.SESSION));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String token, String user, String error, String next) {
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", token);
        params.put("username", user);
        params.put("error", error);
        params.put("next", next.isEmpty() ? value(ctx.queryParam("next")) : next);
        templates.render(ctx, "login.jte", params);
    }

    /** Where to go after login: a path on this site, never another host. */
    static String safeNext(String next) {
        return LocalRedirect.pathOrHome(next, Menu.HOME);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }
}
