package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The start-latency-aware threshold: a location's effective threshold is the larger of the configured
 * one (5) and the HD calls expected to arrive while a node of its primary overflow location starts
 * (arrival rate × the longest measured start, else 5 minutes assumed); with the option off it is the
 * configured one whatever arrives.
 */
class LatencyAwareThresholdTest {

    @ParameterizedTest(name = "{0} free, {1} HD/min, start {2} min, option {3}: threshold {4}, {5} start(s)")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # free HD | HD/min | measured start (min) | latency-aware | effective | starts | London's state
              8       | 0      | -                    | true          | 5         | 0      | ok
              8       | 1.0    | -                    | true          | 5         | 0      | ok
              8       | 1.2    | -                    | true          | 6         | 0      | approaching threshold
              8       | 2.0    | -                    | true          | 10        | 1      | bursting threshold reached
              8       | 2.0    | 3                    | true          | 6         | 0      | approaching threshold
              8       | 2.0    | 7                    | true          | 14        | 1      | bursting threshold reached
              8       | 2.0    | -                    | false         | 5         | 0      | ok
              2       | 6.0    | -                    | true          | 30        | 2      | bursting threshold reached
              2       | 6.0    | -                    | false         | 5         | 1      | bursting threshold reached
            """)
    void raisesTheThresholdToTheCallsExpectedWhileANodeStarts(int freeHd, double perMinute, Integer measuredMinutes,
                                                              boolean latencyAware, int effective, int starts,
                                                              String state) {
        Fleet fleet = StartRuleTest.overflowOne(freeHd).arriving("London", perMinute)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withLatencyAware(latencyAware)))
                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1")
                .stopped("overflow-1c", "Overflow-1");
        if (measuredMinutes != null) {
            fleet.measuredStart("overflow-1c", Duration.ofMinutes(1), minutes(measuredMinutes - 1));
        }

        BurstingDecision decision = fleet.decide();

        LocationStatus london = decision.monitored().get(0);
        assertEquals(List.of(5, effective, state, starts), List.of(london.threshold(), london.effectiveThreshold(),
                london.state().label(), decision.actions().size()));
    }

    @Test
    void saysWhyTheThresholdWasRaised() {
        Fleet fleet = StartRuleTest.overflowOne(8).arriving("London", 2)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withLatencyAware(true)))
                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1");

        assertEquals(List.of("START i-overflow-1a: free HD calls in London (8) reached the effective bursting threshold"
                + " (10: 2.0 HD calls a minute more arriving than ending while a node of Overflow-1 starts, 5 minutes as assumed;"
                + " configured 5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1"), fleet.actions());
    }

    @Test
    void raisesTheOverflowLocationsThresholdByTheCallsThatSpillOverToIt() {
        Fleet fleet = StartRuleTest.overflowOne(2).arriving("London", 6)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withLatencyAware(true)))
                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1");

        LocationStatus overflow = fleet.decide().overflow().get(0);

        assertEquals(List.of(5, 28), List.of(overflow.threshold(), overflow.effectiveThreshold()),
                "30 HD calls arrive while a node starts, 2 of them fit in London");
    }

    @Test
    void theCascadeUsesTheRaisedThresholdOfTheOverflowLocation() {
        Fleet fleet = StartRuleTest.overflowOne(0).arriving("London", 4)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withLatencyAware(true)))
                .running("overflow-1a", "Overflow-1", minutes(20), 0).stopped("overflow-1b", "Overflow-1");

        assertEquals(List.of("START i-overflow-1b: free HD calls in Overflow-1 (17) reached the effective bursting"
                + " threshold (20: 4.0 HD calls a minute expected to reach it while a node of Overflow-1 starts,"
                + " 5 minutes as assumed; configured 5); starting its next overflow node overflow-1b (i-overflow-1b)"),
                fleet.actions());
    }
}
