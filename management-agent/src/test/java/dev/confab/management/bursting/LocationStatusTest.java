package dev.confab.management.bursting;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.confab.management.bursting.Fleet.platform;
import static dev.confab.management.bursting.StartRuleTest.minutes;
import static dev.confab.management.bursting.StartRuleTest.overflowOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the status pages show: each monitored and overflow location's free, maximum and starting HD
 * calls, its state, and the notes that say why nothing happened or what is wrong; the platform's
 * notes first. Each line: {@code platform: note}, {@code monitored London: …}, {@code overflow …}.
 */
class LocationStatusTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                status("a start planned counts as starting in its overflow location",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1"),
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "overflow Overflow-1: 0 free of 0, 17 starting: ok"),
                status("circuit breaker open",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1")
                                .error(minutes(6), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(4), "DescribeInstances", null, "RequestLimitExceeded")
                                .error(minutes(2), "StartInstances", "i-overflow-1a", "Unavailable"),
                        "platform: circuit breaker open: 3 EC2 errors within 5 minutes (the last: Unavailable on"
                                + " StartInstances at 2026-11-25T09:58:00Z); automatic starts are paused until"
                                + " 2026-11-25T10:08:00Z",
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "monitored London: circuit breaker open: no overflow node of Overflow-1 is started until"
                                + " 2026-11-25T10:08:00Z",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) is skipped: its start failed with"
                                + " Unavailable at 2026-11-25T09:58:00Z",
                        "overflow Overflow-1: circuit breaker open: no overflow node of Overflow-1 is started until"
                                + " 2026-11-25T10:08:00Z"),
                status("guardrail reached",
                        overflowOne(3).settings(settings -> settings.withMaxOverflowNodes(1))
                                .stopped("overflow-1a", "Overflow-1").location("Paris", "Overflow-2")
                                .location("Overflow-2").alwaysOn("paris-1", "Paris", 10)
                                .running("overflow-2a", "Overflow-2", minutes(20), 5),
                        "platform: guardrail reached: 1 overflow node is running or starting, the most allowed (1)",
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "monitored London: guardrail reached: 1 overflow node is running or starting, the most"
                                + " allowed; no node of Overflow-1 is started",
                        "monitored Paris: 10 free of 17, 0 starting: ok",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running",
                        "overflow Overflow-1: guardrail reached: 1 overflow node is running or starting, the most"
                                + " allowed; no node of Overflow-1 is started",
                        "overflow Overflow-2: 12 free of 17, 0 starting: ok"),
                status("no stopped node left",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(30), 17),
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "monitored London: no stopped overflow node left in Overflow-1 to start",
                        "overflow Overflow-1: 0 free of 17, 0 starting: bursting threshold reached",
                        "overflow Overflow-1: no stopped overflow node left in Overflow-1 to start"),
                status("bursting disabled",
                        overflowOne(0).settings(settings -> settings.withEnabled(false))
                                .stopped("overflow-1a", "Overflow-1"),
                        "platform: bursting is disabled: overflow nodes are not started automatically; idle ones are"
                                + " still stopped once they have run the minimum lifetime",
                        "monitored London: 0 free of 17, 0 starting: bursting threshold reached",
                        "monitored London: bursting is disabled: no overflow node of Overflow-1 is started",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running",
                        "overflow Overflow-1: bursting is disabled: no overflow node of Overflow-1 is started"),
                status("restart: a node not reported yet",
                        overflowOne(1).restarted(Duration.ofSeconds(10)).alwaysOn("london-2", "London", 0)
                                .noLoad("london-2").stopped("overflow-1a", "Overflow-1"),
                        "monitored London: 1 free of 17, 0 starting: load unknown",
                        "monitored London: waiting for the first load report of london-2 since the Management Node"
                                + " started",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running"),
                status("restart: a node silent past the staleness limit",
                        overflowOne(6).restarted(Duration.ofSeconds(40)).alwaysOn("london-2", "London", 0)
                                .noLoad("london-2").stopped("overflow-1a", "Overflow-1"),
                        "monitored London: 6 free of 17, 0 starting: approaching threshold",
                        "monitored London: london-2 has not reported its load since the Management Node started: it"
                                + " counts as no free capacity",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running"),
                status("stale load of an always-on node",
                        overflowOne(8).alwaysOn("london-2", "London", 10)
                                .hosting("london-2", 7, Duration.ofSeconds(31)).stopped("overflow-1a", "Overflow-1"),
                        "monitored London: 8 free of 17, 0 starting: ok",
                        "monitored London: london-2's load is stale (last report at 2026-11-25T09:59:29Z): it counts"
                                + " as no free capacity",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running"),
                status("every always-on node stale",
                        overflowOne(8).hosting("london-1", 9, Duration.ofMinutes(2))
                                .stopped("overflow-1a", "Overflow-1"),
                        "monitored London: 0 free of 0, 0 starting: load unknown",
                        "monitored London: london-1's load is stale (last report at 2026-11-25T09:58:00Z): it counts"
                                + " as no free capacity",
                        "overflow Overflow-1: 0 free of 0, 0 starting: no node running"),
                status("a start that did not report within the deadline",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(11), 0).noLoad("overflow-1a")
                                .stopped("overflow-1b", "Overflow-1"),
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "overflow Overflow-1: 0 free of 0, 17 starting: ok",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) was started at 2026-11-25T09:49:00Z and"
                                + " has not reported within 10 minutes: another node is started in its place if"
                                + " capacity is needed, and it is not stopped"),
                status("a running overflow node with a stale load",
                        overflowOne(10).running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0)
                                .hosting("overflow-1a", 0, Duration.ofSeconds(31)),
                        "monitored London: 10 free of 17, 0 starting: ok",
                        "overflow Overflow-1: 0 free of 0, 0 starting: load unknown",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) is running with a stale load (last report"
                                + " at 2026-11-25T09:59:29Z): it is not stopped"),
                status("a running overflow node silent since the Management Node started",
                        overflowOne(10).restarted(minutes(5))
                                .running("overflow-1a", "Overflow-1", Duration.ofHours(2), 0).noLoad("overflow-1a"),
                        "monitored London: 10 free of 17, 0 starting: ok",
                        "overflow Overflow-1: 0 free of 0, 0 starting: load unknown",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) is running and has not reported its load"
                                + " since the Management Node started: it is not stopped"),
                status("an idle node before its minimum lifetime",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(20), 0),
                        "monitored London: 10 free of 17, 0 starting: ok",
                        "overflow Overflow-1: 17 free of 17, 0 starting: ok",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) hosts no call; it may be stopped from"
                                + " 2026-11-25T10:30:00Z, once it has run the minimum lifetime (50 minutes)"),
                status("an idle node kept for its monitored location",
                        overflowOne(3).running("overflow-1a", "Overflow-1", minutes(60), 0),
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "overflow Overflow-1: 17 free of 17, 0 starting: ok",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) hosts no call but is kept: without it"
                                + " Overflow-1 would have 0 HD calls free or starting, at or below the bursting"
                                + " threshold (5), and would start a node again"),
                status("an idle node without a launch time",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(60), 0)
                                .instance("overflow-1a", instance -> new CloudInstance(instance.instanceId(),
                                        instance.nodeId(), instance.state(), Optional.empty(), Optional.empty(),
                                        Optional.empty())),
                        "monitored London: 10 free of 17, 0 starting: ok",
                        "overflow Overflow-1: 17 free of 17, 0 starting: ok",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) hosts no call, but EC2 gives no launch"
                                + " time: it is not stopped"),
                status("a node skipped after a failed start",
                        overflowOne(3).stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1")
                                .error(minutes(1), "StartInstances", "i-overflow-1a", "InsufficientInstanceCapacity"),
                        "monitored London: 3 free of 17, 0 starting: bursting threshold reached",
                        "overflow Overflow-1: 0 free of 0, 17 starting: ok",
                        "overflow Overflow-1: overflow-1a (i-overflow-1a) is skipped: its start failed with"
                                + " InsufficientInstanceCapacity at 2026-11-25T09:59:00Z"),
                status("an overflow location that is only a secondary overflow",
                        platform().location("London", "Backup", "Overflow-2").location("Backup")
                                .location("Overflow-2").alwaysOn("london-1", "London", 3)
                                .alwaysOn("backup-1", "Backup", 10).stopped("overflow-2a", "Overflow-2"),
                        "overflow Overflow-2: 0 free of 0, 0 starting: no node running",
                        "overflow Overflow-2: Overflow-2 is no location's primary overflow location: its nodes are"
                                + " started only by an administrator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void showsEachLocationWithItsNotes(Fleet fleet, List<String> lines) {
        BurstingDecision decision = fleet.decide();

        List<String> shown = new ArrayList<>();
        decision.notes().forEach(note -> shown.add("platform: " + note));
        decision.monitored().forEach(status -> describe("monitored", status, shown));
        decision.overflow().forEach(status -> describe("overflow", status, shown));
        assertEquals(lines, shown);
    }

    private static void describe(String role, LocationStatus status, List<String> shown) {
        String prefix = role + " " + status.name() + ": ";
        shown.add(prefix + status.freeHdCalls() + " free of " + status.maxHdCalls() + ", " + status.startingHdCalls()
                + " starting: " + status.state().label());
        status.notes().forEach(note -> shown.add(prefix + note));
    }

    private static Arguments status(String name, Fleet fleet, String... lines) {
        return Arguments.of(Named.of(name, fleet), List.of(lines));
    }
}
