package dev.confab.conferencing.channel;

import dev.confab.conferencing.cloud.InstanceType;
import dev.confab.conferencing.testing.ManualScheduler;
import dev.confab.conferencing.testing.ScriptedManagementNode;
import dev.confab.conferencing.testing.TestClock;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.confab.conferencing.testing.ScriptedManagementNode.BUSY;
import static dev.confab.conferencing.testing.ScriptedManagementNode.DROP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's side of an outage of the Management Node, on a {@link ManualScheduler}: a heartbeat
 * that fails on a kept-alive connection is sent again at once on a new one, and a failure after
 * that waits the interval; while no connection can be opened, heartbeats try every quarter of a
 * second, and the first answer brings the configuration poll back at once.
 */
class ReconnectionTest {

    private final TestClock clock = TestClock.fixed();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private ScriptedManagementNode management;
    private NodeChannelAgent agent;
    private Instant started;

    @TempDir
    Path dir;

    @BeforeEach
    void startManagementNode() throws IOException {
        management = ScriptedManagementNode.start(clock);
        management.answerPolls(BUSY); // answered at once, so the poll loop calls every ~2 s
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        management.close();
    }

    /** Starts a node told to heartbeat every {@code interval}; its first heartbeat and poll are answered. */
    private void startNode(Duration interval) {
        management.answerHeartbeats(ScriptedManagementNode.interval(interval));
        agent = NodeChannelAgent.start(management.enrol(dir.resolve("node"), "cn1.example.com"), "cn1.example.com",
                clock, List.of(), InstanceType.none(), () -> "5eed", scheduler);
        started = clock.instant();
        scheduler.runDue();
    }

    private List<Duration> heartbeatTimes() {
        return management.requestTimes(NodeChannel.HEARTBEAT).stream()
                .map(time -> Duration.between(started, time)).toList();
    }

    private static void assertAbout(Duration expected, Duration actual, String what) {
        long spread = (long) (expected.toMillis() * Jitter.SPREAD);
        assertTrue(Math.abs(actual.toMillis() - expected.toMillis()) <= spread, what + ": " + actual.toMillis()
                + " ms, not " + expected.toMillis() + " ms ± " + spread);
    }

    @Test
    void aHeartbeatOnAConnectionTheManagementNodeNoLongerHasIsSentAgainAtOnceOnANewOne() {
        // Given a node that heartbeats every second (before its poll, every ~2 s, takes a connection)
        startNode(Duration.ofSeconds(1));
        // and a Management Node that no longer has its connections
        management.forgetConnections();

        // When its next heartbeat goes
        scheduler.advance(Duration.ofMillis(2500));

        // Then the dropped heartbeat is sent again at once, on a new connection, and the node goes on at its interval
        List<Duration> times = heartbeatTimes();
        assertEquals(4, times.size(), times.toString());
        assertEquals(times.get(1), times.get(2), "sent again at once");
        List<Integer> connections = management.connections(NodeChannel.HEARTBEAT);
        assertEquals(connections.get(0), connections.get(1), "the dropped one went on the kept-alive connection");
        assertNotEquals(connections.get(1), connections.get(2));
        assertAbout(Duration.ofSeconds(1), times.get(3).minus(times.get(2)), "then at the interval");
        assertEquals(ChannelState.REPORTING, agent.state());
    }

    @Test
    void aHeartbeatThatFailsAgainOnTheNewConnectionWaitsTheInterval() {
        // Given a node that heartbeats every second, and then a Management Node that drops every call
        startNode(Duration.ofSeconds(1));
        management.answerHeartbeats(DROP);
        management.answerPolls(DROP);

        scheduler.advance(Duration.ofSeconds(5));

        // Then the first failure is sent again at once, and from then on each heartbeat waits the interval
        List<Duration> times = heartbeatTimes();
        assertTrue(times.size() >= 6, times.toString());
        assertEquals(times.get(1), times.get(2), "the first failure after an answer is sent again at once");
        for (int i = 3; i < times.size(); i++) {
            assertAbout(Duration.ofSeconds(1), times.get(i).minus(times.get(i - 1)), "heartbeat " + i + " of " + times);
        }
    }

    @Test
    void whileNoConnectionCanBeOpenedHeartbeatsTryEveryQuarterSecondAndTheFirstAnswerBringsThePollBack()
            throws Exception {
        // Given a node told to heartbeat every 10 s, and a Management Node whose port refuses connections for a minute
        startNode(Duration.ofSeconds(10));
        management.stop();
        scheduler.advance(Duration.ofMinutes(1));
        // up to the moment a poll has just failed, so that the next one waits ~2 s
        scheduler.advanceUntil("a poll that just failed", Duration.ofSeconds(3),
                () -> scheduler.pending().stream().anyMatch(delay -> delay.toMillis() > 1500));

        // When it listens again
        management.restart();
        Duration back = Duration.between(started, clock.instant());
        scheduler.advance(Duration.ofMillis(275));

        // Then it hears a heartbeat within a quarter of a second, and the poll comes with it rather than ~2 s later
        List<Duration> heartbeats = heartbeatTimes();
        assertEquals(2, heartbeats.size(), heartbeats.toString());
        Duration heard = heartbeats.get(1);
        assertTrue(heard.minus(back).toMillis() <= 275, "heard " + heard.minus(back).toMillis() + " ms after");
        List<Instant> polls = management.requestTimes(NodeChannel.CONFIG);
        assertEquals(2, polls.size(), polls.toString());
        assertEquals(heard, Duration.between(started, polls.get(1)), "the poll went at once");

        // And the node goes on at its interval
        scheduler.advance(Duration.ofSeconds(12));
        heartbeats = heartbeatTimes();
        assertEquals(3, heartbeats.size(), heartbeats.toString());
        assertAbout(Duration.ofSeconds(10), heartbeats.get(2).minus(heard), "then at the interval");
    }
}
