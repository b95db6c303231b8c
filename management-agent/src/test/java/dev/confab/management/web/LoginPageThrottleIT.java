package dev.confab.management.web;

import dev.confab.management.web.session.Cookies;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.auth.GuessThrottle;
import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login page throttles guesses as the API does, and says how long to wait. */
@Timeout(60)
class LoginPageThrottleIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.now());

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);

    private final WebClient web = new WebClient(node);

    @Test
    void saysHowLongToWaitThenAcceptsTheRightPassword() {
        for (int i = 0; i < GuessThrottle.PER_ADDRESS.free(); i++) {
            assertEquals(401, login("guess-" + i).statusCode());
        }
        long started = System.nanoTime();
        HttpResponse<String> throttled = login("one more guess");
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "answered at once, not after a sleep");
        assertEquals(429, throttled.statusCode());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));
        assertTrue(throttled.body().contains("Too many failed logins from this address or for this user: wait 1"
                + " second and try again."), throttled.body());

        assertEquals(429, login(RunningNode.PASSWORD).statusCode(), "not even the right password before the wait");
        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(303, login(RunningNode.PASSWORD).statusCode());
    }

    private HttpResponse<String> login(String password) {
        HttpResponse<String> page = web.get("/login", null);
        return web.post("/login", WebClient.cookie(page, Cookies.LOGIN), Map.of(
                "_csrf", WebClient.csrf(page.body()), "username", RunningNode.USER, "password", password));
    }
}
