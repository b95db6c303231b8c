package dev.confab.management.web;

import dev.confab.management.api.ApiAuth;
import dev.confab.management.api.ForbiddenException;
import dev.confab.management.auth.Credentials;
import dev.confab.management.auth.LoginThrottle;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /login} and {@code /logout}. The login form carries a token that must match a cookie set
 * with the form; a wrong password is written to the administrator log and answered ever more
 * slowly per address, as on the API.
 */
final class LoginPage {

    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final ApiAuth auth;
    private final Sessions sessions;
    private final Templates templates;

    LoginPage(Credentials credentials, LoginThrottle throttle, ApiAuth auth, Sessions sessions, Templates templates) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.auth = auth;
        this.sessions = sessions;
        this.templates = templates;
    }

    void register(JavalinConfig config) {
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

    private void login(Context ctx) throws InterruptedException {
        String token = ctx.cookie(Cookies.LOGIN);
        if (!Csrf.accepts(token, ctx.formParam(Csrf.FIELD))) {
            throw new ForbiddenException("The login form was refused: it did not carry its security token."
                    + " Open the login page again.");
        }
        String user = value(ctx.formParam("username"));
        String password = value(ctx.formParam("password"));
        String address = ctx.ip();
        if (!user.isEmpty() && credentials.checkPassword(user, password)) {
            throttle.succeed(address);
            WebSession session = sessions.open(user);
            ctx.addHeader("Set-Cookie", Cookies.set(Cookies.SESSION, session.id()));
            ctx.addHeader("Set-Cookie", Cookies.clear(Cookies.LOGIN));
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        Duration delay = throttle.fail(address);
        auth.logFailure(user, address);
        Thread.sleep(delay.toMillis());
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
