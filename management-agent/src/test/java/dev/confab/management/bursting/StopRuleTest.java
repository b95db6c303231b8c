package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static dev.confab.management.bursting.StartRuleTest.overflowOne;
import static dev.confab.management.bursting.StartRuleTest.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** When overflow nodes are stopped: every case with the stops it decides and their reasons. */
class StopRuleTest {

    private static final String STOP_1A_AFTER_60 = "STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and"
            + " has run 60 minutes (minimum lifetime 50 minutes)";

    @ParameterizedTest(name = "run {0} minutes, {1} tokens, {2} conferences")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # minutes run | tokens | conferences | action
              49          | 0      | 0           | -
              50          | 0      | 0           | STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 50 minutes (minimum lifetime 50 minutes)
              51          | 0      | 0           | STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 51 minutes (minimum lifetime 50 minutes)
              180         | 0      | 0           | STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 180 minutes (minimum lifetime 50 minutes)
              180         | 16     | 1           | -
              180         | 0      | 1           | -
              180         | 1      | 0           | -
            """)
    void stopsAnIdleNodeOnceItHasRunTheMinimumLifetime(int minutesRun, int tokens, int conferences, String action) {
        Fleet fleet = overflowOne(10).running("overflow-1a", "Overflow-1", minutes(minutesRun), 0)
                .load("overflow-1a", tokens, conferences, Duration.ofSeconds(5));

        assertEquals(action == null ? List.of() : List.of(action), fleet.actions());
    }

    @Test
    void stopsTheSameIdleNodeOnceTheMinimumLifetimeHasPassed() {
        BurstingInput input = overflowOne(10).settings(settings -> settings.withStaleAfter(minutes(5)))
                .running("overflow-1a", "Overflow-1", minutes(45), 0).load("overflow-1a", 0, 0, Duration.ZERO).input();

        assertEquals(List.of(), BurstingPolicy.decide(input).actions());
        assertEquals(List.of(), BurstingPolicy.decide(input.at(Fleet.NOW.plusSeconds(299))).actions());
        assertEquals(List.of("STOP i-overflow-1a: overflow-1a (i-overflow-1a) hosts no call and has run 50 minutes"
                + " (minimum lifetime 50 minutes)"), BurstingPolicy.decide(input.at(Fleet.NOW.plusSeconds(300)))
                .actions().stream().map(BurstingAction::toString).toList());
        assertEquals(List.of(), BurstingPolicy.decide(input.at(Fleet.NOW.plusSeconds(301))).actions(),
                "a report more than 5 minutes old is stale, and a node is never stopped on a stale load");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                scenario("stale load: an idle node whose last report is 31 s old is never stopped",
                        overflowOne(10).running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0)
                                .hosting("overflow-1a", 0, Duration.ofSeconds(31))),
                scenario("unknown load: an idle node silent since the Management Node started is never stopped",
                        overflowOne(10).running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0)
                                .noLoad("overflow-1a")),
                scenario("restart: nothing is stopped before the nodes report again",
                        overflowOne(10).restarted(Duration.ofSeconds(5))
                                .running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0).noLoad("overflow-1a")
                                .running("overflow-1b", "Overflow-1", Duration.ofHours(3), 0).noLoad("overflow-1b")),
                scenario("restart: an idle node that has reported again is stopped",
                        overflowOne(10).restarted(Duration.ofSeconds(5))
                                .running("overflow-1a", "Overflow-1", minutes(60), 0),
                        STOP_1A_AFTER_60),
                scenario("start deadline: a node silent since its start is never stopped",
                        overflowOne(10).running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0)
                                .noLoad("overflow-1a")),
                scenario("bursting disabled: idle nodes are still stopped",
                        overflowOne(10).settings(settings -> settings.withEnabled(false))
                                .running("overflow-1a", "Overflow-1", minutes(60), 0),
                        STOP_1A_AFTER_60),
                scenario("kept: its monitored location is at the threshold and would start it again",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(60), 0)),
                scenario("bursting disabled: an idle node is stopped even where it would be started again",
                        overflowOne(3).settings(settings -> settings.withEnabled(false))
                                .running("overflow-1a", "Overflow-1", minutes(60), 0),
                        STOP_1A_AFTER_60),
                scenario("kept: a full sibling would start it again (the cascade)",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .running("overflow-1b", "Overflow-1", minutes(60), 17)),
                scenario("stopped: a node starting leaves enough capacity without it",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .starting("overflow-1b", "Overflow-1", minutes(2)),
                        STOP_1A_AFTER_60),
                scenario("two idle nodes: both stopped while nothing needs them",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .running("overflow-1b", "Overflow-1", minutes(55), 0),
                        STOP_1A_AFTER_60,
                        "STOP i-overflow-1b: overflow-1b (i-overflow-1b) hosts no call and has run 55 minutes"
                                + " (minimum lifetime 50 minutes)"),
                scenario("two idle nodes: one stopped, one kept while London is at the threshold",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .running("overflow-1b", "Overflow-1", minutes(55), 0),
                        STOP_1A_AFTER_60),
                scenario("a stop EC2 accepted is not asked again while EC2 still describes it running",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .instance("overflow-1a", instance -> new CloudInstance(instance.instanceId(),
                                        instance.nodeId(), instance.state(), instance.launchedAt(),
                                        instance.startRequestedAt(), Optional.of(Fleet.NOW.minusSeconds(3))))),
                scenario("an idle node in maintenance mode is stopped",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(60), 0).maintenance("overflow-1a"),
                        STOP_1A_AFTER_60),
                scenario("an idle node of a location that is only a secondary overflow is stopped",
                        StartRuleTest.overflowOne(10).location("London", "Overflow-1", "Overflow-2")
                                .location("Overflow-2").stopped("overflow-1a", "Overflow-1")
                                .running("overflow-2a", "Overflow-2", minutes(70), 0),
                        "STOP i-overflow-2a: overflow-2a (i-overflow-2a) hosts no call and has run 70 minutes"
                                + " (minimum lifetime 50 minutes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesTheStopsOfTheTable(Fleet fleet, List<String> stops) {
        assertEquals(stops, fleet.actions());
    }
}
