package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.Node;
import dev.confab.management.bursting.NodeLoad;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A simulated node reports its load when it changes and with every heartbeat, as a Conferencing Node does. */
class SimulatedNodeTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final long HEARTBEAT = 10_000;

    private final SimulatedNode alwaysOn = new SimulatedNode(new Node(1, "london-01", 1, false, 48, false), "London");

    @Test
    void keepsItsReportWhileTheLoadStaysTheSameWithinAHeartbeat() {
        NodeLoad first = report(alwaysOn, 0);

        assertSame(first, report(alwaysOn, 9_999));
        assertEquals(T0, report(alwaysOn, 9_999).reportedAt());
    }

    @Test
    void reportsAgainOnceTheLoadChanges() {
        NodeLoad first = report(alwaysOn, 0);
        alwaysOn.place(3);
        NodeLoad placed = report(alwaysOn, 1_000);

        assertNotSame(first, placed);
        assertEquals(3, placed.tokensInUse());
        assertEquals(1, placed.conferences());
        assertEquals(T0.plusMillis(1_000), placed.reportedAt());
        alwaysOn.release(3);
        assertEquals(0, report(alwaysOn, 2_000).tokensInUse());
    }

    @Test
    void reportsAgainWithTheNextHeartbeat() {
        report(alwaysOn, 0);

        assertEquals(T0.plusMillis(HEARTBEAT), report(alwaysOn, HEARTBEAT).reportedAt());
    }

    @Test
    void anOverflowNodeStartedAgainReportsAnew() {
        SimulatedNode overflow = new SimulatedNode(new Node(2, "aws-01", 2, true, 51, false), "AWS overflow");
        long generation = overflow.start(T0);
        overflow.running(T0.plusSeconds(60), generation);
        overflow.firstReport(T0.plusSeconds(240), generation);
        NodeLoad before = report(overflow, 240_000);
        generation = overflow.stop(T0.plusSeconds(245));
        overflow.stoppedAt(generation);
        generation = overflow.start(T0.plusSeconds(246));
        overflow.running(T0.plusSeconds(300), generation);
        overflow.firstReport(T0.plusSeconds(400), generation);

        NodeLoad after = report(overflow, 400_000);

        assertNotSame(before, after);
        assertEquals(T0.plusSeconds(400), after.reportedAt());
    }

    private static NodeLoad report(SimulatedNode node, long afterMillis) {
        return node.loadAt(T0.plusMillis(afterMillis), HEARTBEAT);
    }
}
