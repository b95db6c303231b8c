package dev.confab.management.bursting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keep or stop: an idle overflow node past its minimum lifetime is kept while the chance that it is
 * needed again within the longer of its start latency (5 minutes assumed) and the minimum billed per
 * start is at least one half; the reason says the chance either way. Calls fill London's free HD
 * calls down to its threshold (5) before they need Overflow-1.
 */
class KeepOrStopTest {

    @ParameterizedTest(name = "London {0} free, {1} HD/min, {2} billed per start: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # London free | HD/min | billed per start | outcome
              10          | 0.1    | PT1M             | stopped; the chance it is needed again within 5 minutes (the longer of its start latency, 5 minutes, and the 1 minute EC2 bills at least for a start) is 39% at 0.1 HD calls a minute arriving
              10          | 1.0    | PT1M             | kept: the chance it is needed again within 5 minutes (the longer of its start latency, 5 minutes, and the 1 minute EC2 bills at least for a start) is 99% at 1.0 HD calls a minute arriving
              16          | 1.0    | PT1M             | stopped; the chance it is needed again within 5 minutes (the longer of its start latency, 5 minutes, and the 1 minute EC2 bills at least for a start) is 24% at 1.0 HD calls a minute arriving
              16          | 1.0    | PT1H             | kept: the chance it is needed again within 60 minutes (the longer of its start latency, 5 minutes, and the 60 minutes EC2 bills at least for a start) is 100% at 1.0 HD calls a minute arriving
              16          | 0      | PT1H             | stopped; the chance it is needed again within 60 minutes (the longer of its start latency, 5 minutes, and the 60 minutes EC2 bills at least for a start) is 0% at 0.0 HD calls a minute arriving
            """)
    void weighsTheChanceOfARestartAgainstTheMinimumBilledPerStart(int londonFree, double perMinute, Duration billed,
                                                                  String outcome) {
        Fleet fleet = StartRuleTest.overflowOne(londonFree).arriving("London", perMinute)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withWeighRestart(true, billed, 0.5)))
                .running("overflow-1a", "Overflow-1", minutes(60), 0);

        BurstingDecision decision = fleet.decide();

        String idle = "overflow-1a (i-overflow-1a) hosts no call and has run 60 minutes (minimum lifetime 50 minutes)";
        if (outcome.startsWith("stopped")) {
            assertEquals(List.of("STOP i-overflow-1a: " + idle + outcome.substring("stopped".length())),
                    decision.actions().stream().map(BurstingAction::toString).toList());
        } else {
            assertEquals(List.of(), decision.actions());
            assertEquals(List.of(idle + ", but is " + outcome), decision.overflow().get(0).notes());
        }
    }

    @ParameterizedTest(name = "{0} HD/min arriving, {1} ending: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # arriving | ending | outcome
              1.0      | 1.0    | stopped; the chance it is needed again within 5 minutes (the longer of its start latency, 5 minutes, and the 1 minute EC2 bills at least for a start) is 44% at 1.0 HD calls a minute arriving and 1.0 ending
              2.0      | 0.5    | kept: the chance it is needed again within 5 minutes (the longer of its start latency, 5 minutes, and the 1 minute EC2 bills at least for a start) is 98% at 2.0 HD calls a minute arriving and 0.5 ending
            """)
    void weighsTheGrowthOfTheCallsArrivalsLessEnds(double arriving, double ending, String outcome) {
        Fleet fleet = StartRuleTest.overflowOne(10).flowing("London", arriving, ending)
                .settings(settings -> settings.withPlanAhead(PlanAhead.off().withWeighRestart(true,
                        Duration.ofMinutes(1), 0.5)))
                .running("overflow-1a", "Overflow-1", minutes(60), 0);

        BurstingDecision decision = fleet.decide();

        String idle = "overflow-1a (i-overflow-1a) hosts no call and has run 60 minutes (minimum lifetime 50 minutes)";
        assertEquals(outcome.startsWith("stopped") ? List.of("STOP i-overflow-1a: " + idle
                + outcome.substring("stopped".length())) : List.of(),
                decision.actions().stream().map(BurstingAction::toString).toList());
        if (outcome.startsWith("kept")) {
            assertEquals(List.of(idle + ", but is " + outcome), decision.overflow().get(0).notes());
        }
    }

    @ParameterizedTest(name = "option off, {0} HD/min: stopped on the minimum lifetime alone")
    @CsvSource({"0", "1", "10"})
    void withTheOptionOffStopsOnTheMinimumLifetimeAlone(double perMinute) {
        Fleet fleet = StartRuleTest.overflowOne(16).arriving("London", perMinute)
                .running("overflow-1a", "Overflow-1", minutes(60), 0);

        assertEquals(List.of("STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 60 minutes"
                + " (minimum lifetime 50 minutes)"), fleet.actions());
    }
}
