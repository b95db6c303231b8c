package dev.confab.conferencing.channel;

import dev.confab.conferencing.testing.Await;
import dev.confab.conferencing.testing.ScriptedManagementNode;
import dev.confab.conferencing.testing.TestClock;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.confab.conferencing.testing.ScriptedManagementNode.BUSY;
import static dev.confab.conferencing.testing.ScriptedManagementNode.DROP;
import static dev.confab.conferencing.testing.ScriptedManagementNode.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The node's client against a Management Node that goes away and comes back: a call that fails on
 * a kept-alive connection the Management Node no longer has is sent once more, at once, on a new
 * connection; no connection at all is told apart as unreachable.
 */
class ChannelClientConnectionTest {

    private static final Heartbeat HEARTBEAT = new Heartbeat("test", "2026-01-01T00:00:00Z", 0,
            Capacity.of("", 4), Heartbeat.Load.idle(), false, 4, 1024);

    private ScriptedManagementNode management;
    private ChannelClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        management = ScriptedManagementNode.start(TestClock.fixed());
        management.answerHeartbeats(FAST);
        management.answerPolls(BUSY);
        client = ChannelClient.forNode(management.enrol(dir.resolve("node"), "cn1.example.com"));
    }

    @AfterEach
    void stop() {
        management.close();
    }

    private List<Integer> heartbeatConnections() {
        return management.connections(NodeChannel.HEARTBEAT);
    }

    @Test
    void aHeartbeatOnAConnectionTheManagementNodeNoLongerHasIsSentAgainAtOnceOnANewOne() throws Exception {
        // Given a heartbeat answered, its connection kept alive
        client.heartbeat(HEARTBEAT);
        // When the Management Node no longer has that connection
        management.forgetConnections();

        // Then the next heartbeat is answered: dropped on the old connection, sent again on a new one
        assertEquals(100, client.heartbeat(HEARTBEAT).intervalMillis());
        List<Integer> connections = heartbeatConnections();
        assertEquals(3, connections.size(), management.toString());
        assertEquals(connections.get(0), connections.get(1), "the dropped heartbeat went on the kept-alive connection");
        assertNotEquals(connections.get(1), connections.get(2), "the second went on a new one");
    }

    @Test
    void everyKeptAliveConnectionIsDroppedNotOnlyTheOneThatFailed() throws Exception {
        // Given two connections kept alive: a poll held while a heartbeat goes on a second connection
        CountDownLatch gate = new CountDownLatch(1);
        management.holdPolls(gate);
        CompletableFuture<Object> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return client.poll(1, Duration.ofSeconds(5));
            } catch (IOException e) {
                return e; // BUSY: an answer all the same, and its connection is kept alive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        });
        Await.until("the poll held", () -> management.requests(NodeChannel.CONFIG) > 0);
        client.heartbeat(HEARTBEAT);
        gate.countDown();
        poll.get(10, TimeUnit.SECONDS);
        int pollConnection = management.connections(NodeChannel.CONFIG).get(0);
        int heartbeatConnection = heartbeatConnections().get(0);
        assertNotEquals(pollConnection, heartbeatConnection);

        // When the Management Node has neither any more
        management.forgetConnections();

        // Then one heartbeat is dropped, on one of them, and the next goes on a new connection, not the other
        client.heartbeat(HEARTBEAT);
        List<Integer> connections = heartbeatConnections();
        assertEquals(3, connections.size(), management.toString());
        List<Integer> kept = List.of(pollConnection, heartbeatConnection);
        assertFalse(kept.contains(connections.get(2)), connections + " after " + kept);
    }

    @Test
    void aHeartbeatThatFailsAgainOnTheNewConnectionIsNotSentAThirdTime() throws Exception {
        client.heartbeat(HEARTBEAT);
        management.answerHeartbeats(DROP);

        IOException failure = assertThrows(IOException.class, () -> client.heartbeat(HEARTBEAT));

        assertFalse(failure instanceof ManagementUnreachableException, failure.toString());
        assertEquals(3, heartbeatConnections().size(), "once more at once, not more: " + management);
        // and until an answer comes, a failure is not sent again: no connection is kept alive to be stale
        assertThrows(IOException.class, () -> client.heartbeat(HEARTBEAT));
        assertEquals(4, heartbeatConnections().size(), management.toString());
    }

    @Test
    void aManagementNodeThatIsGoneIsUnreachableUntilItListensAgain() throws Exception {
        client.heartbeat(HEARTBEAT);
        management.stop();

        ManagementUnreachableException failure = assertThrows(ManagementUnreachableException.class,
                () -> client.heartbeat(HEARTBEAT));
        assertEquals("cannot connect to 127.0.0.1:" + management.port() + ": connection refused", failure.getMessage());
        assertThrows(ManagementUnreachableException.class, () -> client.poll(1, Duration.ofSeconds(1)));

        management.restart();
        assertEquals(100, client.heartbeat(HEARTBEAT).intervalMillis());
    }
}
