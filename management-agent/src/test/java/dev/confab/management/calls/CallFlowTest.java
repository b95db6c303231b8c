package dev.confab.management.calls;

import dev.confab.management.testing.SettableClock;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admissions and ends the call ledger counts for bursting, by signalling node, in HD calls. */
class CallFlowTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T09:00:00Z"));
    private final CallFlow flow = new CallFlow(clock);
    private final CallLedger ledger = new CallLedger(clock, () -> new LicenceTotals(100, 100), Duration.ofMinutes(1),
            flow);

    private static ParticipantReport call(String uuid, String type, boolean placed) {
        return new ParticipantReport(uuid, "Alice", "meet", "Board", "conference", "HOST", type, "cn1", "cn1",
                placed ? "London" : "", "2026-01-01T09:00:00Z", placed);
    }

    private void admit(long node, long sequence, String uuid, String type) {
        ledger.licence(node, "cn" + node, new LicenceRequest("i", sequence, call(uuid, type, false), null,
                List.of("London")));
    }

    @Test
    void admissionsAndEndsAreCountedPerSignallingNodeInHdCalls() {
        admit(1, 1, "a", "hd");
        admit(1, 2, "b", "sd");
        admit(1, 3, "c", "audio");
        admit(2, 1, "d", "full_hd");
        // node 1's report lists only b: a and c ended
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 4, List.of(call("b", "sd", true))));

        Map<Long, CallFlow.Counts> counts = flow.within(Duration.ofMinutes(10));

        assertEquals(new CallFlow.Counts(1 + 0.5 + 1.0 / 16, 1 + 1.0 / 16), counts.get(1L));
        assertEquals(new CallFlow.Counts(2, 0), counts.get(2L));
    }

    @Test
    void aCallCountedAgainAfterARestartIsNoAdmission() {
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 1, List.of(call("a", "hd", true))));

        assertEquals(Map.of(), flow.within(Duration.ofMinutes(10)));
    }

    @Test
    void onlyTheWindowAskedForCountsAndNothingOlderThanTheLongestIsKept() {
        admit(1, 1, "a", "hd");
        clock.advance(Duration.ofMinutes(5));
        admit(1, 2, "b", "hd");

        assertEquals(new CallFlow.Counts(1, 0), flow.within(Duration.ofMinutes(2)).get(1L));
        assertEquals(new CallFlow.Counts(2, 0), flow.within(Duration.ofMinutes(10)).get(1L));
        clock.advance(CallFlow.WINDOW.plusSeconds(1));
        assertEquals(Map.of(), flow.within(Duration.ofDays(1)));
    }
}
