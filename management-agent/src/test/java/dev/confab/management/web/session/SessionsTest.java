package dev.confab.management.web.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration duration) { now = now.plus(duration); }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final ManualClock clock = new ManualClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30));

    @Test
    void endsASessionIdleForTheTimeout() {
        WebSession session = sessions.open("admin");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent(), "a request restarts the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.find(session.id()).isEmpty());
    }

    @Test
    void endsASessionAtLogout() {
        WebSession session = sessions.open("admin");
        sessions.close(session.id());
        assertTrue(sessions.find(session.id()).isEmpty());
    }

    @Test
    void givesEachSessionItsOwnIdAndFormToken() {
        WebSession first = sessions.open("admin");
        WebSession second = sessions.open("admin");
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertNotEquals(first.id(), first.csrfToken());
        assertEquals(43, first.id().length(), "32 random bytes, base64url");
        assertTrue(sessions.find("guessed").isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }

    @Test
    void showsAFlashMessageOnce() {
        WebSession session = sessions.open("admin");
        session.flash("Saved.");
        assertEquals("Saved.", session.takeFlash());
        assertEquals(null, session.takeFlash());
    }
}
