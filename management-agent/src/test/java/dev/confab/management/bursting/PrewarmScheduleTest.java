package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Pre-warm schedules: on their days, {@code nodes} overflow nodes running or starting from the lead
 * before the peak until the hold after it, then one node fewer every ramp-down interval; the policy
 * starts what is missing and keeps idle nodes the schedule still asks for.
 */
class PrewarmScheduleTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    static PrewarmSchedule weekdayNine(long locationId, String zone, LocalTime peak) {
        return new PrewarmSchedule("weekday 9:00", locationId, WEEKDAYS, peak, ZoneId.of(zone), 3, minutes(10),
                minutes(30), minutes(10));
    }

    @ParameterizedTest(name = "{0}: {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            # instant (2026-11-25 is a Wednesday)  | nodes
              2026-11-25T08:49:59Z                 | 0
              2026-11-25T08:50:00Z                 | 3
              2026-11-25T09:29:59Z                 | 3
              2026-11-25T09:30:00Z                 | 2
              2026-11-25T09:40:00Z                 | 1
              2026-11-25T09:49:59Z                 | 1
              2026-11-25T09:50:00Z                 | 0
              2026-11-28T08:55:00Z                 | 0
              2026-11-30T08:55:00Z                 | 3
            """)
    void keepsItsNodesFromTheLeadAndReleasesOneEveryInterval(String instant, int nodes) {
        PrewarmSchedule schedule = weekdayNine(1, "Europe/London", LocalTime.of(9, 0));

        assertEquals(nodes, schedule.nodesAt(Instant.parse(instant)));
    }

    @ParameterizedTest(name = "{0} in New York: {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            # instant (UTC; New York is 5 hours behind in November) | nodes
              2026-11-25T13:55:00Z                                   | 3
              2026-11-25T08:55:00Z                                   | 0
            """)
    void readsThePeakInItsOwnTimeZone(String instant, int nodes) {
        assertEquals(nodes, weekdayNine(1, "America/New_York", LocalTime.of(9, 0)).nodesAt(Instant.parse(instant)));
    }

    @Test
    void aFixedOffsetGivesWhatTheSameOffsetAsARegionGives() {
        SplittableRandom random = new SplittableRandom(15);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        for (int round = 0; round < 2_000; round++) {
            int hours = random.nextInt(-12, 15);
            // Etc/GMT-2 is two hours ahead of UTC: the signs are the other way round
            ZoneId region = ZoneId.of(hours == 0 ? "Etc/GMT" : String.format("Etc/GMT%+d", -hours));
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            days.add(DayOfWeek.of(random.nextInt(1, 8)));
            days.add(DayOfWeek.of(random.nextInt(1, 8)));
            LocalTime peak = LocalTime.ofSecondOfDay(random.nextInt(86_400)).withNano(random.nextInt(2) * 500_000_000);
            Duration lead = Duration.ofMinutes(random.nextInt(0, 600));
            Duration hold = Duration.ofMinutes(random.nextInt(0, 600));
            Duration rampDown = Duration.ofSeconds(random.nextInt(1, 3_600));
            int nodes = random.nextInt(1, 9);
            PrewarmSchedule fixed = new PrewarmSchedule("fixed", 1, days, peak, ZoneOffset.ofHours(hours), nodes, lead,
                    hold, rampDown);
            PrewarmSchedule asRegion = new PrewarmSchedule("region", 1, days, peak, region, nodes, lead, hold,
                    rampDown);
            for (int sample = 0; sample < 50; sample++) {
                Instant at = from.plusMillis(random.nextLong(366L * 86_400_000));
                assertEquals(asRegion.nodesAt(at), fixed.nodesAt(at), () -> fixed + " at " + at);
            }
        }
    }

    @Test
    void aRampDownPastMidnightEndsOnTheNextDay() {
        PrewarmSchedule late = new PrewarmSchedule("late", 1, EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(23, 30),
                ZoneId.of("UTC"), 2, minutes(10), minutes(20), minutes(30));

        assertEquals(List.of(2, 1, 0), List.of(late.nodesAt(Instant.parse("2026-11-25T23:40:00Z")),
                late.nodesAt(Instant.parse("2026-11-26T00:15:00Z")), late.nodesAt(Instant.parse("2026-11-26T00:50:00Z"))));
    }

    @Test
    void refusesAScheduleWithoutDaysOrNodes() {
        assertEquals("Pre-warm schedule x names no day of the week", assertThrows(IllegalArgumentException.class,
                () -> new PrewarmSchedule("x", 1, EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, ZoneId.of("UTC"), 1,
                        minutes(1), minutes(1), minutes(1))).getMessage());
        assertEquals("Pre-warm schedule x starts 0 nodes; it must start at least 1", assertThrows(
                IllegalArgumentException.class, () -> new PrewarmSchedule("x", 1, WEEKDAYS, LocalTime.NOON,
                        ZoneId.of("UTC"), 0, minutes(1), minutes(1), minutes(1))).getMessage());
    }

    @ParameterizedTest(name = "{0} running: {1} started")
    @CsvSource(delimiter = '|', textBlock = """
            # running before | started
              0              | 3
              1              | 2
              3              | 0
            """)
    void startsTheNodesTheScheduleAsksForAheadOfThePeak(int running, int started) {
        // Fleet.NOW is Wednesday 10:00 UTC: a peak at 10:05 with 10 minutes' lead
        Fleet fleet = StartRuleTest.overflowOne(16);
        fleet.schedule(weekdayNine(fleet.locationId("Overflow-1"), "UTC", LocalTime.of(10, 5)));
        for (String node : List.of("overflow-1a", "overflow-1b", "overflow-1c", "overflow-1d")) {
            if (running-- > 0) {
                fleet.running(node, "Overflow-1", minutes(3), 0);
            } else {
                fleet.stopped(node, "Overflow-1");
            }
        }

        List<BurstingAction> actions = fleet.decide().actions();

        assertEquals(started, actions.size());
        if (started > 0) {
            assertEquals("pre-warm schedule weekday 9:00 (Mon–Fri 10:05 UTC) keeps 3 overflow nodes of Overflow-1"
                    + " running or starting now, and " + (3 - started) + (3 - started == 1 ? " is" : " are")
                    + "; starting overflow node " + actions.get(0).nodeName() + " (i-" + actions.get(0).nodeName() + ")",
                    actions.get(0).reason());
        }
    }

    @Test
    void releasesOneIdleNodeAtATimeAfterThePeak() {
        // the hold ended at 09:55: 2 of 3 nodes are kept until 10:05
        Fleet fleet = StartRuleTest.overflowOne(16).running("overflow-1a", "Overflow-1", minutes(70), 0)
                .running("overflow-1b", "Overflow-1", minutes(70), 0).running("overflow-1c", "Overflow-1", minutes(70), 0);
        fleet.schedule(weekdayNine(fleet.locationId("Overflow-1"), "UTC", LocalTime.of(9, 25)));

        BurstingDecision decision = fleet.decide();

        assertEquals(List.of("STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 70 minutes"
                + " (minimum lifetime 50 minutes)"), decision.actions().stream().map(BurstingAction::toString).toList());
        assertEquals(List.of("overflow-1b (i-overflow-1b) hosts no call but is kept: pre-warm schedule weekday 9:00"
                        + " (Mon–Fri 09:25 UTC) keeps 2 overflow nodes of Overflow-1 running now",
                        "overflow-1c (i-overflow-1c) hosts no call but is kept: pre-warm schedule weekday 9:00"
                                + " (Mon–Fri 09:25 UTC) keeps 2 overflow nodes of Overflow-1 running now"),
                decision.overflow().get(0).notes());
    }

    @Test
    void aScheduleForALocationWithoutOverflowNodesStartsNothingAndSaysSo() {
        Fleet fleet = StartRuleTest.overflowOne(16).stopped("overflow-1a", "Overflow-1");
        fleet.schedule(weekdayNine(fleet.locationId("London"), "UTC", LocalTime.of(10, 5)));

        BurstingDecision decision = fleet.decide();

        assertEquals(List.of(), decision.actions());
        assertEquals(List.of("pre-warm schedule weekday 9:00 (Mon–Fri 10:05 UTC) is for London, which holds no overflow"
                + " node: it starts nothing"), decision.notes());
    }

    @Test
    void startsNothingWhileBurstingIsDisabled() {
        Fleet fleet = StartRuleTest.overflowOne(16).settings(settings -> settings.withEnabled(false))
                .stopped("overflow-1a", "Overflow-1");
        fleet.schedule(weekdayNine(fleet.locationId("Overflow-1"), "UTC", LocalTime.of(10, 5)));

        BurstingDecision decision = fleet.decide();

        assertEquals(List.of(), decision.actions());
        assertEquals(List.of("pre-warm schedule weekday 9:00 (Mon–Fri 10:05 UTC) asks for 3 running or starting nodes,"
                + " 0 are; bursting is disabled: no overflow node of Overflow-1 is started"),
                decision.overflow().get(0).notes());
    }

    @Test
    void theGuardrailHoldsForSchedules() {
        Fleet fleet = StartRuleTest.overflowOne(16).settings(settings -> settings.withMaxOverflowNodes(1))
                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1");
        fleet.schedule(weekdayNine(fleet.locationId("Overflow-1"), "UTC", LocalTime.of(10, 5)));

        assertEquals(1, fleet.decide().actions().size());
        assertEquals(Duration.ofMinutes(10), weekdayNine(1, "UTC", LocalTime.NOON).lead());
    }
}
