package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingSettings;
import dev.confab.shared.capacity.CallType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulator on small traces whose outcome is worked out by hand in each test's comment. */
class SimulatorTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final BootTimes FIXED_BOOT = new BootTimes(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(30));
    private static final Billing PER_SECOND = new Billing(Billing.Mode.PER_SECOND, 3.6);

    private static TraceCall hd(int atSecond, String location, int seconds) {
        return new TraceCall(T0.plusSeconds(atSecond), location, CallType.HD, Duration.ofSeconds(seconds));
    }

    private static Trace trace(int endSecond, TraceCall... calls) {
        return new Trace(T0, T0.plusSeconds(endSecond), List.of(calls));
    }

    private static SimulatedPolicy policy(BurstingSettings settings) {
        return new SimulatedPolicy("test", settings, List.of());
    }

    @Test
    void rejectsTheCallNoNodeHasRoomFor() {
        // one node of 2 HD calls: the third HD call finds no room
        SimulatedPlatform platform = new SimulatedPlatform(List.of(new SimulatedPlatform.Place("A", null, null)),
                List.of(new SimulatedPlatform.Machine("a-1", "A", false, 2)), FIXED_BOOT, PER_SECOND);

        PolicyResult result = Simulator.withSeed(1).replay(platform, trace(300, hd(0, "A", 60), hd(10, "A", 60),
                hd(20, "A", 60), hd(70, "A", 60)), policy(BurstingSettings.defaults()), action -> { });

        assertEquals(List.of(4L, 1L, 0.0, 0.0, 0L), List.of(result.calls(), result.rejectedCalls(),
                result.overflowedCallMinutes(), result.instanceHours(), result.starts()));
    }

    @Test
    void placesCallsInTheLocationThenItsPrimaryThenItsSecondaryOverflow() {
        // A, B and C hold one HD call each: calls 1-3 go to A, B, C; call 4 is rejected; 2 calls of 2 minutes overflowed
        SimulatedPlatform platform = new SimulatedPlatform(List.of(new SimulatedPlatform.Place("A", "B", "C"),
                new SimulatedPlatform.Place("B", null, null), new SimulatedPlatform.Place("C", null, null)),
                List.of(new SimulatedPlatform.Machine("a-1", "A", false, 1),
                        new SimulatedPlatform.Machine("b-1", "B", false, 1),
                        new SimulatedPlatform.Machine("c-1", "C", false, 1)), FIXED_BOOT, PER_SECOND);

        PolicyResult result = Simulator.withSeed(1).replay(platform, trace(600, hd(0, "A", 120), hd(1, "A", 120),
                hd(2, "A", 120), hd(3, "A", 120)), policy(BurstingSettings.defaults()), action -> { });

        assertEquals(List.of(1L, 4.0), List.of(result.rejectedCalls(), result.overflowedCallMinutes()));
    }

    @Test
    void startsAnOverflowNodeAtTheThresholdAndStopsItOnceIdleAndNotNeeded() {
        // A: 2 HD always-on, threshold 1. Call 1 at 0 s leaves 1 free: the node of O is started at 0 s, runs at
        // 60 s, reports at 180 s. Call 2 (10 s) fills A; call 3 (100 s) is rejected, the node not being up yet;
        // call 4 (200 s, 60 s) overflows to O: 1 minute. The idle node is kept while A is at the threshold,
        // and stopped at 610 s when call 2 ends: 610 s from start to stop, 550 s running billed.
        SimulatedPlatform platform = new SimulatedPlatform(List.of(new SimulatedPlatform.Place("A", "O", null),
                new SimulatedPlatform.Place("O", null, null)), List.of(new SimulatedPlatform.Machine("a-1", "A", false, 2),
                new SimulatedPlatform.Machine("o-1", "O", true, 2)), FIXED_BOOT, PER_SECOND);
        Trace trace = trace(1000, hd(0, "A", 600), hd(10, "A", 600), hd(100, "A", 60), hd(200, "A", 60));
        List<ReplayedAction> actions = new ArrayList<>();

        PolicyResult result = Simulator.withSeed(1).replay(platform, trace, policy(BurstingSettings.defaults()
                .withEnabled(true).withThreshold(1).withMinLifetime(Duration.ofMinutes(5))), actions::add);

        assertEquals(List.of(1L, 1.0, 1L, 1L), List.of(result.rejectedCalls(), result.overflowedCallMinutes(),
                result.starts(), result.stops()));
        assertEquals(610 / 3600.0, result.instanceHours(), 1e-9);
        assertEquals(550 / 3600.0, result.billedHours(), 1e-9);
        assertEquals(550 / 3600.0 * 3.6, result.cost(), 1e-9);
        assertEquals(List.of(T0, T0.plusSeconds(610)), actions.stream().map(ReplayedAction::at).toList());
        assertEquals("free HD calls in A (1) reached the bursting threshold (1); starting overflow node o-1 (i-o-1)"
                + " of O", actions.get(0).action().reason());
        assertEquals("o-1 (i-o-1) hosts no call and has run 9 minutes (minimum lifetime 5 minutes)",
                actions.get(1).action().reason());
    }

    @Test
    void theClairvoyantStartsEachNodeFiveMinutesBeforeItIsNeeded() {
        // A holds 2 HD calls always-on; beyond them one node of O is needed from 100 s to 160 s and from 200 s to
        // 260 s. Started 300 s ahead: running from 0 s to 260 s.
        SimulatedPlatform platform = new SimulatedPlatform(List.of(new SimulatedPlatform.Place("A", "O", null),
                new SimulatedPlatform.Place("O", null, null)), List.of(new SimulatedPlatform.Machine("a-1", "A", false, 2),
                new SimulatedPlatform.Machine("o-1", "O", true, 2)), FIXED_BOOT, PER_SECOND);
        Trace trace = trace(1000, hd(0, "A", 600), hd(10, "A", 600), hd(100, "A", 60), hd(200, "A", 60));

        assertEquals(260 / 3600.0, Clairvoyant.instanceHours(platform, trace, Duration.ofMinutes(5)), 1e-9);
        assertEquals(120 / 3600.0, Clairvoyant.instanceHours(platform, trace, Duration.ZERO), 1e-9);
    }

    @Test
    void billsPerSecondAfterAMinuteOrPerStartedHour() {
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(61), Duration.ofHours(1),
                Duration.ofHours(2)), List.of(PER_SECOND.billed(Duration.ZERO), PER_SECOND.billed(Duration.ofSeconds(5)),
                PER_SECOND.billed(Duration.ofMillis(60_500)), new Billing(Billing.Mode.PER_HOUR, 1)
                        .billed(Duration.ofSeconds(5)), new Billing(Billing.Mode.PER_HOUR, 1)
                        .billed(Duration.ofMinutes(61))));
    }

    @Test
    void theSameSeedGivesTheSameComparison() {
        GuideNineAm guide = new GuideNineAm(1, 0.5, 7);

        Comparison first = Simulator.withSeed(7).compare(guide.platform(), guide.trace(), guide.policies());
        Comparison second = Simulator.withSeed(7).compare(guide.platform(), guide.trace(), guide.policies());

        assertEquals(first, second);
    }

    @Test
    void theGuideScenarioAtAHundredCallsADayStillHasAnOverflowNodeToPrewarm() {
        GuideNineAm guide = new GuideNineAm(2, GuideNineAm.scaleFor(100), 1);

        assertEquals(1, guide.platform().machines().stream().filter(SimulatedPlatform.Machine::bursting).count(),
                guide.platform().toString());
        List<SimulatedPolicy> policies = guide.policies();
        assertEquals(1, policies.get(3).schedules().get(0).nodes(), policies.toString());
        Comparison comparison = Simulator.withSeed(1).compare(guide.platform(), guide.trace(), policies);
        assertEquals(4, comparison.results().size());
    }
}
