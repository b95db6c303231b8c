package dev.confab.management.auth;

import dev.confab.management.testing.SettableClock;
import dev.confab.management.store.AdminLogEntry;
import dev.confab.management.store.Times;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedAttemptSummaryTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final List<AdminLogEntry> log = new ArrayList<>();
    private final FailedAttemptSummary logins = new FailedAttemptSummary(FailedAttemptSummary.Kind.LOGIN, clock,
            log::add);
    private final FailedAttemptSummary enrolments = new FailedAttemptSummary(FailedAttemptSummary.Kind.ENROLMENT,
            clock, log::add);

    @Test
    void sumsOneSourcesFailedLoginsIntoOneLineAMinute() {
        for (int i = 0; i < 12; i++) {
            logins.record("10.0.0.5", i % 2 == 0 ? "admin" : "root", null, null, false);
            clock.advance(Duration.ofSeconds(4));
        }
        logins.flushDue();
        assertEquals(List.of(), log, "nothing before the minute is over");

        clock.advance(Duration.ofSeconds(12));
        logins.flushDue();
        logins.flushDue();

        assertEquals(1, log.size());
        AdminLogEntry line = log.get(0);
        assertEquals("12 failed logins for admin, root from 10.0.0.5 in the last minute", line.details());
        assertEquals("login_failed", line.action());
        assertEquals("admin, root", line.user());
        assertEquals("10.0.0.5", line.address());
        assertEquals(Times.format(START.plus(FailedAttemptSummary.WINDOW)), line.time(), "dated at the minute's end");
    }

    @Test
    void writesTheLineAtTheSourcesNextFailureAfterTheMinute() {
        logins.record("10.0.0.5", "admin", null, null, false);
        clock.advance(Duration.ofSeconds(61));
        logins.record("10.0.0.5", "admin", null, null, true);

        assertEquals(1, log.size());
        assertEquals("1 failed login for admin from 10.0.0.5 in the last minute", log.get(0).details());
        clock.advance(Duration.ofMinutes(1));
        logins.flushDue();
        assertEquals("1 failed login for admin from 10.0.0.5 in the last minute (1 refused unchecked: too many"
                + " attempts)", log.get(1).details());
    }

    @Test
    void endsAMinuteWhenTheClockIsSetBackBeforeItsStart() {
        clock.advance(Duration.ofHours(24));
        logins.record("10.0.0.5", "admin", null, null, false);
        clock.advance(Duration.ofHours(-24));
        logins.record("10.0.0.5", "root", null, null, false);
        assertEquals("1 failed login for admin from 10.0.0.5 in the last minute", log.get(0).details());
    }

    @Test
    void keepsSourcesApart() {
        logins.record("10.0.0.5", "admin", null, null, false);
        logins.record("10.0.0.6", "admin", null, null, false);
        clock.advance(Duration.ofMinutes(1));
        logins.flushDue();
        assertEquals(List.of("10.0.0.5", "10.0.0.6"), log.stream().map(AdminLogEntry::address).toList());
    }

    @Test
    void keepsTheFirstRefusedEnrolmentsReason() {
        for (int i = 0; i < 100; i++) {
            enrolments.record("10.0.0.7", "-", null, i == 0 ? "The enrolment token is unknown." : "Other " + i, false);
        }
        clock.advance(Duration.ofMinutes(1));
        enrolments.flushDue();

        assertEquals(1, log.size());
        assertEquals("100 refused enrolments from 10.0.0.7 in the last minute; the first: The enrolment token is"
                + " unknown.", log.get(0).details());
        assertEquals("enrol_refused", log.get(0).action());
        assertEquals("-", log.get(0).user());
    }

    @Test
    void namesTheNodeOfARefusedEnrolment() {
        enrolments.record("10.0.0.8", "fra-cn1", 7L, "The enrolment token was already used.", false);
        enrolments.flushAll();
        assertEquals("1 refused enrolment for fra-cn1 from 10.0.0.8 in the last minute; the first: The enrolment"
                + " token was already used.", log.get(0).details());
        assertEquals(7L, log.get(0).objectId());
        assertEquals("fra-cn1", log.get(0).objectName());
    }

    @Test
    void keepsALineShortWhateverNamesAreTried() {
        for (int i = 0; i < 50; i++) {
            logins.record("10.0.0.5", "user" + i + "x".repeat(200), null, null, false);
        }
        logins.flushAll();
        String details = log.get(0).details();
        assertTrue(details.startsWith("50 failed logins for user0"), details);
        assertTrue(details.contains(" and 45 more from 10.0.0.5"), details);
        assertTrue(details.length() < 600, details.length() + ": " + details);
    }

    @Test
    void sumsSourcesBeyondItsBoundIntoOneLine() {
        for (int i = 0; i < FailedAttemptSummary.MAX_SOURCES + 50; i++) {
            logins.record("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), "admin", null, null, false);
        }
        clock.advance(Duration.ofMinutes(1));
        logins.flushDue();
        assertEquals(FailedAttemptSummary.MAX_SOURCES + 1, log.size());
        assertTrue(log.get(log.size() - 1).details().startsWith("50 failed logins for admin from many addresses"),
                log.get(log.size() - 1).details());
    }
}
