package dev.confab.conferencing.channel;

import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.cloud.InstanceType;
import dev.confab.conferencing.testing.Await;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.confab.conferencing.testing.ScriptedManagementNode.BUSY;
import static dev.confab.conferencing.testing.ScriptedManagementNode.FAST;
import static dev.confab.conferencing.testing.ScriptedManagementNode.REVOKED;
import static dev.confab.conferencing.testing.ScriptedManagementNode.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's side of a refusal, against a scripted Management Node: told unknown, it enrols again
 * exactly once per "unknown" answer; a refused re-enrolment or a revoked certificate stops it for
 * good; an undecided re-enrolment or a server error changes nothing and the loops go on. Most run on
 * a {@link ManualScheduler}, so that what does not happen is shown by advancing its clock; two run
 * on the agent's own scheduler, in real time.
 */
class NodeChannelAgentTest {

    private final TestClock clock = TestClock.fixed();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private ScriptedManagementNode management;
    private NodeChannelAgent agent;

    @TempDir
    Path dir;

    @BeforeEach
    void startManagementNode() throws IOException {
        management = ScriptedManagementNode.start(clock);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        management.close();
    }

    /** Starts the channel of a node enrolled with the scripted Management Node, on the manual scheduler. */
    private NodeChannelAgent start(NodeChannelAgent.Reenrolment reenrolment) {
        agent = NodeChannelAgent.start(management.enrol(dir.resolve("node"), "cn1.example.com"), "cn1.example.com",
                clock, List.of(), InstanceType.none(), reenrolment, scheduler);
        return agent;
    }

    /** As {@link #start}, on the agent's own scheduler and the system clock. */
    private NodeChannelAgent startInRealTime(NodeChannelAgent.Reenrolment reenrolment) {
        agent = NodeChannelAgent.start(management.enrol(dir.resolve("node"), "cn1.example.com"), "cn1.example.com",
                Clock.systemUTC(), List.of(), InstanceType.none(), reenrolment);
        return agent;
    }

    private int requests(String path) {
        return management.requests(path);
    }

    @Test
    void toldUnknownTheNodeEnrolsAgainOnceAndStopsItsLoopsForTheRestart() throws Exception {
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });

        scheduler.advanceUntil("the re-enrolment", Duration.ofMinutes(1),
                () -> String.valueOf(agent.status().get("re_enrolment")).contains("restarting"));
        Map<String, Object> status = agent.status();

        assertEquals("enrolled again with certificate 5eed; restarting", status.get("re_enrolment"));
        assertEquals(false, status.get("reporting"));
        assertNull(status.get("refusal"));
        assertEquals(ChannelState.RESTARTING, agent.state());
        assertOneAttemptAndNoMoreCalls(reenrolments);
    }

    @Test
    void aRefusedReenrolmentStopsTheNodeWithTheReason() throws Exception {
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            throw new ConferencingException("The Management Node refused the enrolment: The enrolment token was"
                    + " already used.");
        });

        scheduler.advanceUntil("the refusal", Duration.ofMinutes(1), () -> agent.status().get("refusal") != null);
        Map<String, Object> status = agent.status();

        String refusal = status.get("refusal").toString();
        assertTrue(refusal.startsWith("The Management Node refused this node: certificate unknown"), refusal);
        assertTrue(refusal.contains("Enrolling again with the token of the stored configuration file failed: The"
                + " Management Node refused the enrolment: The enrolment token was already used."), refusal);
        assertEquals(false, status.get("reporting"));
        assertEquals("refused", status.get("re_enrolment"));
        assertOneAttemptAndNoMoreCalls(reenrolments);
    }

    @Test
    void aRevokedCertificateStopsTheNodeWithoutEnrollingAgain() throws Exception {
        // in real time, on the agent's own threads: both loops may be refused at once
        management.answerHeartbeats(REVOKED);
        management.answerPolls(REVOKED);
        AtomicInteger reenrolments = new AtomicInteger();
        startInRealTime(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });

        Map<String, Object> status = Await.until("the refusal", () -> agent.status().get("refusal") == null ? null
                : agent.status());

        assertEquals("The Management Node refused this node: certificate revoked", status.get("refusal"));
        assertNull(status.get("re_enrolment"));
        assertEquals(0, reenrolments.get());
    }

    @Test
    void aRevokedAnswerToAPollStopsTheHeartbeatsToo() throws Exception {
        management.answerHeartbeats(FAST);
        management.answerPolls(REVOKED);
        start(() -> "5eed");

        scheduler.runDue();
        int heartbeats = requests(NodeChannel.HEARTBEAT);

        assertEquals(ChannelState.REFUSED, agent.state());
        assertEquals("The Management Node refused this node: certificate revoked", agent.status().get("refusal"));
        assertEquals(0, scheduler.advance(Duration.ofMinutes(10)), "nothing is scheduled any more");
        assertEquals(heartbeats, requests(NodeChannel.HEARTBEAT));
    }

    @Test
    void anUndecidedReenrolmentKeepsTheCertificateAndTriesAgainOnlyWhenToldUnknownAgain() throws Exception {
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            if (reenrolments.incrementAndGet() == 1) {
                throw new EnrolmentUnansweredException("The Management Node failed to answer the enrolment (HTTP"
                        + " 503).", null);
            }
            return "5eed";
        });
        scheduler.advanceUntil("a heartbeat that sets a short interval", Duration.ofMinutes(1),
                () -> agent.status().get("last_contact") != null);
        management.answerHeartbeats(UNKNOWN);

        scheduler.advanceUntil("the second re-enrolment", Duration.ofMinutes(1),
                () -> String.valueOf(agent.status().get("re_enrolment")).contains("restarting"));

        // the first attempt was undecided: the loops went on, and only the next "unknown" answer tried again
        assertEquals(2, reenrolments.get());
        assertTrue(requests(NodeChannel.HEARTBEAT) >= 3, management.toString());
    }

    @Test
    void anUndecidedReenrolmentResumesReportingAfterOneInterval() throws Exception {
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        start(() -> {
            throw new EnrolmentUnansweredException("The Management Node cannot be reached.", null);
        });
        scheduler.runDue();
        management.answerHeartbeats(UNKNOWN);
        scheduler.advanceUntil("the undecided re-enrolment", Duration.ofMinutes(1),
                () -> agent.state() == ChannelState.RESUMING);
        management.answerHeartbeats(FAST);
        int heartbeats = requests(NodeChannel.HEARTBEAT);

        assertEquals(false, agent.status().get("reporting"));
        assertEquals("in progress", agent.status().get("re_enrolment"));
        List<Duration> pending = scheduler.pending();
        assertEquals(1, pending.size(), "only the resumption waits: " + pending);
        assertTrue(pending.get(0).toMillis() >= 90 && pending.get(0).toMillis() <= 110, pending.toString());

        scheduler.advance(Duration.ofMillis(110));

        assertEquals(ChannelState.REPORTING, agent.state());
        assertEquals(true, agent.status().get("reporting"));
        assertNull(agent.status().get("re_enrolment"));
        assertEquals(heartbeats + 1, requests(NodeChannel.HEARTBEAT), "the loops started again, heartbeat first");
    }

    @Test
    void serverErrorsAreRetriedAtTheIntervalWithoutEnrollingAgain() throws Exception {
        // in real time, on the agent's own threads
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        AtomicInteger reenrolments = new AtomicInteger();
        startInRealTime(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });
        Await.until("a heartbeat that sets a short interval", () -> agent.status().get("last_contact"));
        management.answerHeartbeats(new ScriptedManagementNode.Answer(500,
                "{\"error\": \"Internal error\", \"fields\": {}}"));
        int before = requests(NodeChannel.HEARTBEAT);

        Await.until("heartbeats retried", () -> requests(NodeChannel.HEARTBEAT) >= before + 5);

        assertEquals(0, reenrolments.get());
        assertEquals(true, agent.status().get("reporting"));
        assertNull(agent.status().get("refusal"));
    }

    @Test
    void heartbeatsGoAtOnceThenAtTheAnsweredIntervalWithJitter() {
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        start(() -> "5eed");
        Instant started = clock.instant();

        scheduler.advance(Duration.ofSeconds(1));

        List<Instant> times = management.requestTimes(NodeChannel.HEARTBEAT);
        assertEquals(started, times.get(0), "the first heartbeat goes at once");
        for (int i = 1; i < times.size(); i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
            assertTrue(gap >= 90 && gap <= 110, "the answered 100 ms ± 10 %, not " + gap + " ms");
        }
        assertTrue(times.size() >= 9, times.size() + " heartbeats in 1 s");
    }

    @Test
    void aFailingPollIsRetriedAfterTwoSecondsThenTwiceAsLongEachTimeWhileHeartbeatsGoOn() {
        management.answerHeartbeats(ScriptedManagementNode.interval(Duration.ofSeconds(1)));
        management.answerPolls(BUSY);
        start(() -> "5eed");

        scheduler.advance(Duration.ofSeconds(40));

        List<Instant> polls = management.requestTimes(NodeChannel.CONFIG);
        for (int i = 1; i < polls.size(); i++) {
            long gap = Duration.between(polls.get(i - 1), polls.get(i)).toMillis();
            long expected = ReplicationTask.backOff(i - 1).toMillis();
            assertTrue(gap >= expected * 0.9 && gap <= expected * 1.1, "poll " + i + ": about " + expected
                    + " ms after the last, not " + gap + " ms");
        }
        // at about 0, 2, 6, 14 and 30 s
        assertEquals(5, polls.size(), polls.size() + " polls in 40 s");
        assertTrue(requests(NodeChannel.HEARTBEAT) >= 36, management.toString());
        assertEquals(ChannelState.REPORTING, agent.state());
    }

    @Test
    void closingStopsBothLoopsAndTheScheduler() {
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        start(() -> "5eed");
        scheduler.runDue();

        agent.close();

        assertEquals(ChannelState.STOPPED, agent.state());
        assertTrue(scheduler.isShutdown());
        assertEquals(List.of(), scheduler.pending());
    }

    /** One re-enrolment, and the loops stay stopped: nothing is scheduled, so no call reaches the Management Node. */
    private void assertOneAttemptAndNoMoreCalls(AtomicInteger reenrolments) {
        int calls = requests(NodeChannel.HEARTBEAT) + requests(NodeChannel.CONFIG);
        assertEquals(List.of(), scheduler.pending());
        assertEquals(0, scheduler.advance(Duration.ofHours(1)));
        assertEquals(1, reenrolments.get());
        assertEquals(calls, requests(NodeChannel.HEARTBEAT) + requests(NodeChannel.CONFIG));
    }
}
