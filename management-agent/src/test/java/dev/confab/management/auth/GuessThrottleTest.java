package dev.confab.management.auth;

import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuessThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final GuessThrottle throttle = new GuessThrottle(clock);

    @Test
    void admitsAFewFailuresThenOneGuessPerDoublingWait() {
        failTimes(5, "admin", "10.0.0.5");

        GuessThrottle.Guess refused = throttle.begin("admin", "10.0.0.5");
        assertFalse(refused.admitted());
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());

        clock.advance(Duration.ofSeconds(1));
        GuessThrottle.Guess sixth = throttle.begin("admin", "10.0.0.5");
        assertTrue(sixth.admitted());
        sixth.failed();
        assertEquals(Duration.ofSeconds(2), throttle.begin("admin", "10.0.0.5").retryAfter());
    }

    @Test
    void countsRunningChecksSoParallelGuessesCannotOvertakeTheLimit() {
        List<GuessThrottle.Guess> running = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            running.add(throttle.begin("admin", "10.0.0.5"));
        }
        assertEquals(GuessThrottle.PER_ADDRESS.free(), running.stream().filter(GuessThrottle.Guess::admitted).count());
        assertTrue(running.stream().filter(guess -> !guess.admitted())
                .allMatch(guess -> guess.retryAfter().compareTo(Duration.ofSeconds(1)) >= 0));
    }

    @Test
    void acceptsKnownCredentialsBesideAnyNumberOfRunningChecksButNotWhileTheAddressWaits() {
        List<GuessThrottle.Guess> running = new ArrayList<>();
        for (int i = 0; i < GuessThrottle.PER_ADDRESS.free(); i++) {
            running.add(throttle.begin("admin", "10.0.0.5"));
        }
        assertFalse(throttle.begin("admin", "10.0.0.5").admitted(), "a sixth check from the address waits");
        for (int i = 0; i < 32; i++) {
            assertEquals(Duration.ZERO, throttle.acceptKnown("admin", "10.0.0.5"), "known credentials never wait");
        }
        running.forEach(GuessThrottle.Guess::failed);

        Duration wait = throttle.acceptKnown("admin", "10.0.0.5");
        assertEquals(Duration.ofSeconds(1), wait, "after five failures the address waits, known credentials too");
        clock.advance(wait);
        assertEquals(Duration.ZERO, throttle.acceptKnown("admin", "10.0.0.5"));
        assertTrue(throttle.begin("admin", "10.0.0.5").admitted(), "a success starts the count afresh");
    }

    @Test
    void limitsOneAccountAcrossManyAddresses() {
        for (int i = 0; i < GuessThrottle.PER_ACCOUNT.free(); i++) {
            failTimes(1, "admin", "10.0.1." + i);
        }
        assertFalse(throttle.begin("admin", "10.0.2.1").admitted(), "the account waits, from any address");
        assertTrue(throttle.begin("operator", "10.0.2.1").admitted(), "another account does not");
    }

    @Test
    void capsChecksRunningAtOnceOnTheWholeNode() {
        for (int i = 0; i < GuessThrottle.MAX_CHECKING; i++) {
            assertTrue(throttle.begin("user" + i, "10.0.3." + i).admitted());
        }
        GuessThrottle.Guess refused = throttle.begin("someone", "10.0.4.1");
        assertFalse(refused.admitted());
        assertEquals(Duration.ofSeconds(1), refused.retryAfter());
    }

    @Test
    void capsFailuresPerMinuteOnTheWholeNode() {
        for (int i = 0; i < GuessThrottle.MAX_FAILURES_PER_MINUTE; i++) {
            failTimes(1, "user" + i, "10.5." + i / 250 + "." + i % 250);
            clock.advance(Duration.ofMillis(100));
        }
        GuessThrottle.Guess refused = throttle.begin("fresh", "10.9.9.9");
        assertFalse(refused.admitted());
        clock.advance(refused.retryAfter());
        assertTrue(throttle.begin("fresh", "10.9.9.9").admitted(), "the next minute admits guesses again");
    }

    @Test
    void aSuccessAfterTheWaitClearsTheAddressAndTheAccount() {
        failWaitingEachTime(7, "admin", "10.0.0.5");
        GuessThrottle.Guess refused = throttle.begin("admin", "10.0.0.5");
        clock.advance(refused.retryAfter());
        GuessThrottle.Guess correct = throttle.begin("admin", "10.0.0.5");
        assertTrue(correct.admitted(), "nothing is locked out for good");
        correct.succeeded();

        failTimes(GuessThrottle.PER_ADDRESS.free(), "admin", "10.0.0.5");
    }

    @Test
    void forgetsFailuresAfterAQuietQuarterOfAnHour() {
        failWaitingEachTime(9, "admin", "10.0.0.5");
        clock.advance(GuessThrottle.FORGET_AFTER);
        failTimes(GuessThrottle.PER_ADDRESS.free(), "admin", "10.0.0.5");
        throttle.forgetQuiet();
        clock.advance(GuessThrottle.FORGET_AFTER);
        throttle.forgetQuiet();
        assertEquals(0, throttle.tracked());
    }

    @Test
    void neverWaitsLongerThanTheLongestWaitWhenTheClockIsSetBack() {
        failWaitingEachTime(12, "admin", "10.0.0.5");
        clock.advance(Duration.ofHours(-1));
        assertEquals(GuessThrottle.PER_ADDRESS.maxWait(), throttle.begin("admin", "10.0.0.5").retryAfter());
    }

    @Test
    void anAbandonedCheckCountsNeitherWay() {
        for (int i = 0; i < 20; i++) {
            GuessThrottle.Guess guess = throttle.begin("admin", "10.0.0.5");
            assertTrue(guess.admitted());
            guess.abandoned();
            guess.failed(); // a second end is ignored
        }
    }

    @Test
    void keepsItsMemoryBoundedWhateverNamesAndAddressesArrive() {
        for (int i = 0; i < 3 * GuessThrottle.MAX_TRACKED; i++) {
            throttle.begin("name-" + i, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)).abandoned();
        }
        assertTrue(throttle.tracked() <= 2 * GuessThrottle.MAX_TRACKED + 2, "tracked " + throttle.tracked());
    }

    /** {@code times} failed guesses, each made as soon as the throttle admits it. */
    private void failWaitingEachTime(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            GuessThrottle.Guess guess = throttle.begin(account, address);
            if (!guess.admitted()) {
                clock.advance(guess.retryAfter());
                guess = throttle.begin(account, address);
            }
            assertTrue(guess.admitted(), "guess " + (i + 1) + " after its wait");
            guess.failed();
        }
    }

    /** {@code times} admitted guesses that fail, each checked at once. */
    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            GuessThrottle.Guess guess = throttle.begin(account, address);
            assertTrue(guess.admitted(), "guess " + (i + 1) + " from " + address + " for " + account);
            guess.failed();
        }
    }
}
