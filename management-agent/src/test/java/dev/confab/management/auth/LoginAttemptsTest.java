package dev.confab.management.auth;

import dev.confab.management.store.Store;
import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logins through the throttle with a real store: a password checked a moment ago needs no place among the checks. */
class LoginAttemptsTest {

    private static final String ADDRESS = "192.0.2.40";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private Store store;
    private GuessThrottle throttle;
    private LoginAttempts logins;
    private Credentials credentials;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        credentials = new Credentials(store, clock);
        credentials.setPassword("admin", "s3cret-login".toCharArray());
        throttle = new GuessThrottle(clock);
        logins = new LoginAttempts(credentials, throttle, new FailedAttemptSummary(FailedAttemptSummary.Kind.LOGIN,
                clock, entry -> { }));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theRightPasswordCheckedAMomentAgoIsAcceptedWhileOtherChecksFromTheAddressRun() {
        assertTrue(logins.password("admin", "s3cret-login", ADDRESS).accepted(), "the slow check, once");
        List<GuessThrottle.Guess> running = new ArrayList<>();
        for (int i = 0; i < GuessThrottle.PER_ADDRESS.free(); i++) {
            running.add(throttle.begin("admin", ADDRESS));
        }

        assertTrue(logins.password("admin", "s3cret-login", ADDRESS).accepted(),
                "not told to wait for checks running beside it");
        assertTrue(logins.password("admin", "a guess", ADDRESS).throttled(), "a guess still waits its turn");
        running.forEach(GuessThrottle.Guess::abandoned);
    }

    @Test
    void isRememberedAMinuteAfterItsLastUseAndNotWhileTheAddressWaitsAfterFailures() {
        assertTrue(logins.password("admin", "s3cret-login", ADDRESS).accepted());
        clock.advance(Duration.ofSeconds(40));
        assertTrue(logins.password("admin", "s3cret-login", ADDRESS).accepted(), "used within the minute");
        clock.advance(Duration.ofSeconds(40));
        assertTrue(credentials.remembered("admin", "s3cret-login"), "80 s after the check, 40 s after its use");
        clock.advance(Duration.ofSeconds(61));
        assertFalse(credentials.remembered("admin", "s3cret-login"), "a minute unused");
        for (int i = 0; i < GuessThrottle.PER_ADDRESS.free(); i++) {
            assertFalse(logins.password("admin", "wrong " + i, ADDRESS).accepted());
        }
        LoginAttempts.Outcome waiting = logins.password("admin", "s3cret-login", ADDRESS);
        assertTrue(waiting.throttled(), "the address waits after five failures, whatever it sends");
        assertEquals(Duration.ofSeconds(1), waiting.retryAfter().orElseThrow());
    }
}
