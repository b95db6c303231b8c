package dev.confab.management.bursting;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.confab.management.bursting.Fleet.platform;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** When overflow nodes are started, and which: every case with the starts it decides and their reasons. */
class StartRuleTest {

    private static final String START_1A_FOR_LONDON_3 = "START i-overflow-1a: free HD calls in London (3) reached the"
            + " bursting threshold (5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1";

    static Stream<Arguments> cases() {
        return Stream.of(
                scenario("cascade: an overflow location at the threshold itself starts its next node",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(20), 14)
                                .stopped("overflow-1b", "Overflow-1"),
                        "START i-overflow-1b: free HD calls in Overflow-1 (3) reached the bursting threshold (5);"
                                + " starting its next overflow node overflow-1b (i-overflow-1b)"),
                scenario("cascade: an overflow location above the threshold starts nothing",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(20), 11)
                                .stopped("overflow-1b", "Overflow-1")),
                scenario("pending capacity: a node starting counts, so a spike starts no second node",
                        overflowOne(0).starting("overflow-1a", "Overflow-1", minutes(2))
                                .stopped("overflow-1b", "Overflow-1")),
                scenario("pending capacity: two locations in need of one overflow location share one start",
                        platform().location("London", "Overflow-1").location("Paris", "Overflow-1")
                                .location("Overflow-1").alwaysOn("london-1", "London", 2)
                                .alwaysOn("paris-1", "Paris", 1).stopped("overflow-1a", "Overflow-1")
                                .stopped("overflow-1b", "Overflow-1"),
                        "START i-overflow-1a: free HD calls in London (2) and in Paris (1) reached the bursting"
                                + " threshold (5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1"),
                scenario("pending capacity: nodes start until free and starting HD calls exceed a threshold of 20",
                        overflowOne(4).settings(settings -> settings.withThreshold(20))
                                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1")
                                .stopped("overflow-1c", "Overflow-1"),
                        "START i-overflow-1a: free HD calls in London (4) reached the bursting threshold (20);"
                                + " starting overflow node overflow-1a (i-overflow-1a) of Overflow-1",
                        "START i-overflow-1b: free HD calls in London (4) reached the bursting threshold (20), and"
                                + " Overflow-1 has 17 free or starting; starting overflow node overflow-1b"
                                + " (i-overflow-1b) of Overflow-1"),
                scenario("start deadline: a start silent for 11 minutes is retried on another node",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(11), 0).noLoad("overflow-1a")
                                .stopped("overflow-1b", "Overflow-1"),
                        "START i-overflow-1b: free HD calls in London (3) reached the bursting threshold (5);"
                                + " starting overflow node overflow-1b (i-overflow-1b) of Overflow-1, in place of"
                                + " overflow-1a (i-overflow-1a), which has not reported within 10 minutes of its"
                                + " start"),
                scenario("start deadline: a start silent for 9 minutes is still waited for",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(9), 0).noLoad("overflow-1a")
                                .stopped("overflow-1b", "Overflow-1")),
                scenario("start deadline: a start EC2 accepted but does not describe yet is waited for",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1")
                                .instance("overflow-1a", instance -> new CloudInstance(instance.instanceId(),
                                        instance.nodeId(), InstanceState.STOPPED, instance.launchedAt(),
                                        java.util.Optional.of(Fleet.NOW.minusSeconds(2)), instance.stopRequestedAt()))),
                scenario("secondary overflow: nodes are started in the primary overflow location only",
                        platform().location("London", "Overflow-1", "Overflow-2").location("Overflow-1")
                                .location("Overflow-2").alwaysOn("london-1", "London", 3)
                                .stopped("overflow-2a", "Overflow-2").stopped("overflow-1a", "Overflow-1"),
                        START_1A_FOR_LONDON_3),
                scenario("secondary overflow: overflow nodes that are only a secondary overflow are never started",
                        platform().location("London", "Backup", "Overflow-2").location("Backup")
                                .location("Overflow-2").alwaysOn("london-1", "London", 3)
                                .alwaysOn("backup-1", "Backup", 10).stopped("overflow-2a", "Overflow-2")),
                scenario("secondary overflow: a full running node there does not start the next",
                        platform().location("London", "Backup", "Overflow-2").location("Backup")
                                .location("Overflow-2").alwaysOn("london-1", "London", 3)
                                .alwaysOn("backup-1", "Backup", 10)
                                .running("overflow-2a", "Overflow-2", minutes(30), 17)
                                .stopped("overflow-2b", "Overflow-2")),
                scenario("no stopped node left: nothing to start",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(30), 17)),
                scenario("a stopped node in maintenance mode is not started",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1").maintenance("overflow-1a")
                                .stopped("overflow-1b", "Overflow-1"),
                        "START i-overflow-1b: free HD calls in London (3) reached the bursting threshold (5);"
                                + " starting overflow node overflow-1b (i-overflow-1b) of Overflow-1"),
                scenario("a node whose start failed a minute ago is skipped for the next",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1")
                                .error(minutes(1), "StartInstances", "i-overflow-1a", "InsufficientInstanceCapacity"),
                        "START i-overflow-1b: free HD calls in London (3) reached the bursting threshold (5);"
                                + " starting overflow node overflow-1b (i-overflow-1b) of Overflow-1"),
                scenario("a node whose start failed 6 minutes ago is tried again",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1")
                                .error(minutes(6), "StartInstances", "i-overflow-1a", "InsufficientInstanceCapacity"),
                        START_1A_FOR_LONDON_3),
                scenario("guardrail: no start beyond the most overflow nodes running or starting (1)",
                        overflowOne(3).settings(settings -> settings.withMaxOverflowNodes(1))
                                .stopped("overflow-1a", "Overflow-1").location("Paris", "Overflow-2")
                                .location("Overflow-2").alwaysOn("paris-1", "Paris", 10)
                                .running("overflow-2a", "Overflow-2", minutes(20), 5)),
                scenario("guardrail: a start within the most allowed (2)",
                        overflowOne(3).settings(settings -> settings.withMaxOverflowNodes(2))
                                .stopped("overflow-1a", "Overflow-1").location("Paris", "Overflow-2")
                                .location("Overflow-2").alwaysOn("paris-1", "Paris", 10)
                                .running("overflow-2a", "Overflow-2", minutes(20), 5),
                        START_1A_FOR_LONDON_3),
                scenario("circuit breaker: 3 EC2 errors within 5 minutes pause starts",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1")
                                .error(minutes(6), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(4), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(2), "StartInstances", null, "Unavailable")),
                scenario("circuit breaker: 3 EC2 errors over 7 minutes do not open it",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1")
                                .error(minutes(9), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(5), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(2), "DescribeInstances", null, "RequestLimitExceeded"),
                        START_1A_FOR_LONDON_3),
                scenario("circuit breaker: starts resume 10 minutes after the last error",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1")
                                .error(minutes(15), "DescribeInstances", null, "Unavailable")
                                .error(minutes(14), "DescribeInstances", null, "Unavailable")
                                .error(minutes(10), "DescribeInstances", null, "Unavailable"),
                        START_1A_FOR_LONDON_3),
                scenario("bursting disabled: nothing is started",
                        overflowOne(0).settings(settings -> settings.withEnabled(false))
                                .stopped("overflow-1a", "Overflow-1")),
                scenario("stale load: a location whose only node reported 31 s ago is not judged",
                        overflowOne(0).hosting("london-1", 17, Duration.ofSeconds(31))
                                .stopped("overflow-1a", "Overflow-1")),
                scenario("stale load: a stale node counts as no free capacity beside a fresh one",
                        overflowOne(4).alwaysOn("london-2", "London", 10)
                                .hosting("london-2", 7, Duration.ofSeconds(31)).stopped("overflow-1a", "Overflow-1"),
                        "START i-overflow-1a: free HD calls in London (4) reached the bursting threshold (5);"
                                + " starting overflow node overflow-1a (i-overflow-1a) of Overflow-1"),
                scenario("restart: a location waits for the first report of each of its nodes",
                        overflowOne(1).restarted(Duration.ofSeconds(10)).alwaysOn("london-2", "London", 0)
                                .noLoad("london-2").stopped("overflow-1a", "Overflow-1")),
                scenario("restart: a node silent past the staleness limit counts as no free capacity",
                        overflowOne(3).restarted(Duration.ofSeconds(40)).alwaysOn("london-2", "London", 0)
                                .noLoad("london-2").stopped("overflow-1a", "Overflow-1"),
                        START_1A_FOR_LONDON_3),
                scenario("restart: a running overflow node not reporting yet counts as starting",
                        overflowOne(3).restarted(Duration.ofSeconds(10))
                                .running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0).noLoad("overflow-1a")
                                .stopped("overflow-1b", "Overflow-1")),
                scenario("maintenance: an always-on node in maintenance mode adds no free capacity",
                        overflowOne(4).alwaysOn("london-2", "London", 10).maintenance("london-2")
                                .stopped("overflow-1a", "Overflow-1"),
                        "START i-overflow-1a: free HD calls in London (4) reached the bursting threshold (5);"
                                + " starting overflow node overflow-1a (i-overflow-1a) of Overflow-1"),
                scenario("a location of overflow nodes only is no monitored location for its own overflow",
                        overflowOne(10).location("Overflow-1", "Overflow-2").location("Overflow-2")
                                .stopped("overflow-1a", "Overflow-1").stopped("overflow-2a", "Overflow-2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesTheStartsOfTheTable(Fleet fleet, List<String> starts) {
        assertEquals(starts, fleet.actions());
    }

    /** London (one always-on node with {@code freeHd} free) overflowing first to Overflow-1. */
    static Fleet overflowOne(int freeHd) {
        return platform().location("London", "Overflow-1").location("Overflow-1").alwaysOn("london-1", "London", freeHd);
    }

    static Arguments scenario(String name, Fleet fleet, String... actions) {
        return Arguments.of(Named.of(name, fleet), List.of(actions));
    }

    static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }
}
