package dev.confab.management.health;

import dev.confab.management.testing.SettableClock;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatRegistryTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final HeartbeatRegistry registry = new HeartbeatRegistry(clock, INTERVAL, 3);

    static Heartbeat heartbeat(long revision) {
        return new Heartbeat("1.0", "2026-11-25T09:00:00Z", revision, Capacity.ofCpus(8), Heartbeat.Load.idle(),
                false, 8, 16384);
    }

    private List<HealthEvent.Kind> kinds() {
        return registry.drain().events().stream().map(HealthEvent::kind).toList();
    }

    @Test
    void answersEachHeartbeatWithTheIntervalAndRecordsTheContact() {
        assertEquals(INTERVAL, registry.heartbeat(7, heartbeat(0)));
        NodeReport report = registry.report(7).orElseThrow();
        assertEquals(clock.instant(), report.lastContact());
        assertTrue(report.reachable());
        assertEquals(17, report.capacity().maxHdCalls());
    }

    @Test
    void aNodeIsLostOnlyAfterMissingThreeIntervals() {
        registry.heartbeat(7, heartbeat(0));
        registry.drain();
        clock.advance(INTERVAL.multipliedBy(3).minusMillis(1));
        assertEquals(0, registry.expire());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, registry.expire());
        assertEquals(List.of(HealthEvent.Kind.CONTACT_LOST), kinds());
        assertFalse(registry.report(7).orElseThrow().reachable());
    }

    @Test
    void aLostNodeIsReportedOnceAndRestoredByItsNextHeartbeat() {
        registry.heartbeat(7, heartbeat(0));
        clock.advance(Duration.ofMinutes(5));
        registry.expire();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, registry.expire(), "still lost, not reported again");
        registry.drain();
        registry.heartbeat(7, heartbeat(0));
        assertEquals(List.of(HealthEvent.Kind.CONTACT_RESTORED), kinds());
        clock.advance(INTERVAL.multipliedBy(3));
        assertEquals(1, registry.expire(), "a new deadline after it returned");
    }

    @Test
    void eachHeartbeatMovesTheDeadline() {
        registry.heartbeat(7, heartbeat(0));
        for (int i = 0; i < 10; i++) {
            clock.advance(INTERVAL);
            registry.heartbeat(7, heartbeat(0));
            assertEquals(0, registry.expire());
        }
    }

    @Test
    void aNewerRevisionSetsLastUpdatedOnceWhetherHeartbeatOrPollReportsIt() {
        registry.heartbeat(7, heartbeat(4));
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        registry.applied(7, 4);
        registry.heartbeat(7, heartbeat(4));
        assertEquals(first, registry.report(7).orElseThrow().lastUpdated());
        clock.advance(Duration.ofSeconds(1));
        registry.applied(7, 5);
        assertEquals(clock.instant(), registry.report(7).orElseThrow().lastUpdated());
        assertEquals(List.of(HealthEvent.Kind.REVISION_APPLIED, HealthEvent.Kind.REVISION_APPLIED), kinds());
    }

    @Test
    void aNodeKnownFromTheStoreIsLostIfItStaysSilentAfterARestart() {
        registry.seed(new NodeReport(9, heartbeat(3), clock.instant().minus(Duration.ofHours(1)), null, 3, true));
        clock.advance(INTERVAL.multipliedBy(3));
        assertEquals(1, registry.expire());
    }

    @Test
    void aForgottenNodeIsNeitherLostNorDrained() {
        registry.heartbeat(7, heartbeat(0));
        registry.forget(7);
        clock.advance(Duration.ofHours(1));
        assertEquals(0, registry.expire());
        assertTrue(registry.drain().rows().isEmpty());
    }
}
