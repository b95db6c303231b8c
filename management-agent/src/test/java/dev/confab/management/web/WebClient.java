package dev.confab.management.web;

import dev.confab.management.testing.RunningNode;
import dev.confab.management.web.session.Cookies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTPS requests to the administrator interface, as a browser without script would send them. */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningNode node;

    WebClient(RunningNode node) {
        this.node = node;
    }

    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((key, value) -> body.add(encode(key) + "=" + encode(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    /** Posts {@code body} as it is, as a form: for bytes a browser would not send. */
    HttpResponse<String> postRaw(String path, String cookie, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
        return send(request);
    }

    /** Logs in as the administrator and returns the session cookie ({@code name=value}). */
    String login() {
        HttpResponse<String> page = get("/login", null);
        String loginCookie = cookie(page, Cookies.LOGIN);
        HttpResponse<String> answer = post("/login", loginCookie, Map.of("_csrf", csrf(page.body()),
                "username", RunningNode.USER, "password", RunningNode.PASSWORD));
        if (answer.statusCode() != 303) {
            throw new AssertionError("login failed: " + answer.statusCode());
        }
        return cookie(answer, Cookies.SESSION);
    }

    /** The {@code name=value} part of the named cookie the response sets. */
    static String cookie(HttpResponse<String> response, String name) {
        return setCookie(response, name).split(";", 2)[0];
    }

    /** The whole {@code Set-Cookie} header for the named cookie. */
    static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no form token in the page");
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return node.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
