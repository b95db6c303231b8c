package dev.confab.management.metrics;

import dev.confab.management.health.NodeReport;
import dev.confab.management.testing.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeMetricsTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private final SettableClock clock = new SettableClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<NodeReport> reports = new ArrayList<>();
    private long latest = 10;
    private int configured;
    private final NodeMetrics metrics = new NodeMetrics(registry, clock, Duration.ofSeconds(10), () -> reports,
            () -> latest, () -> configured);

    private static NodeReport report(long id, Instant lastContact, long applied, boolean reachable) {
        return new NodeReport(id, null, lastContact, lastContact, applied, reachable);
    }

    private double nodes(String status) {
        return registry.get("confab.nodes").tag("status", status).gauge().value();
    }

    @Test
    void countsNodesBySyncStatusWithConfiguredButSilentOnesUnreachable() {
        reports.add(report(1, START.minusSeconds(2), 10, true));
        reports.add(report(2, START.minusSeconds(7), 8, true));
        reports.add(report(3, START.minusSeconds(4), 9, true));
        reports.add(report(4, START.minusSeconds(90), 10, false));
        configured = 6; // two more were added and never reported

        assertEquals(1, nodes("synced"));
        assertEquals(2, nodes("syncing"));
        assertEquals(3, nodes("unreachable"));
        assertEquals(7, registry.get("confab.heartbeat.age.max").gauge().value(), "the lost node does not count");
        assertEquals(2, registry.get("confab.replication.lag.max").gauge().value());
        assertEquals(10, registry.get("confab.configuration.revision").gauge().value());
    }

    @Test
    void countsHeartbeatsAndTheTimeSinceTheNodesPreviousOne() {
        metrics.heartbeat(null, START);
        metrics.heartbeat(START, START.plusSeconds(11));

        assertEquals(2, registry.get("confab.heartbeats.received").counter().count());
        assertEquals(1, registry.get("confab.heartbeat.interval").timer().count(), "the first has no previous one");
        assertEquals(11, registry.get("confab.heartbeat.interval").timer().totalTime(TimeUnit.SECONDS));
    }

    @Test
    void timesARevisionFromItsCommitToANodeHoldingIt() {
        metrics.committed(11);
        clock.advance(Duration.ofMillis(300));
        metrics.committed(11); // the revision's second change: its commit time stays the first's

        metrics.applied(1, 11, START.plusMillis(420));
        metrics.applied(2, 7, START.plusMillis(500)); // committed before these metrics knew of it: not timed

        assertEquals(1, registry.get("confab.replication.latency").timer().count());
        assertEquals(420, registry.get("confab.replication.latency").timer().totalTime(TimeUnit.MILLISECONDS));
    }
}
