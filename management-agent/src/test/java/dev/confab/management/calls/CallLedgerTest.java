package dev.confab.management.calls;

import dev.confab.management.testing.SettableClock;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallLedgerTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicReference<LicenceTotals> totals = new AtomicReference<>(new LicenceTotals(2, 1));
    private final CallLedger ledger = new CallLedger(clock, totals::get, Duration.ofMinutes(1));

    private static ParticipantReport call(String uuid, String conference, String type, String media, boolean placed) {
        return new ParticipantReport(uuid, "Alice", "meet", conference, "conference", "HOST", type, "cn1", media,
                placed ? "London" : "", "2026-01-01T00:00:00Z", placed);
    }

    private CallLedger.Grant ask(long node, String incarnation, long sequence, ParticipantReport call, Integer limit) {
        return ledger.licence(node, "cn" + node, new LicenceRequest(incarnation, sequence, call, limit,
                List.of("London")));
    }

    @Test
    void portLicencesAreNeverExceededAndAudioCallsTakeAudioLicencesFirst() {
        assertTrue(ask(1, "i", 1, call("a", "Board", "audio", "", false), null).granted());
        assertTrue(ask(1, "i", 2, call("b", "Board", "hd", "", false), null).granted());
        assertTrue(ask(1, "i", 3, call("c", "Board", "audio", "", false), null).granted());
        CallLedger.Grant refused = ask(1, "i", 4, call("d", "Board", "sd", "", false), null);
        assertFalse(refused.granted());
        assertEquals("capacity exceeded: all 2 call licences are in use", refused.refusal());
        assertEquals(new LicensingStatus(2, 2, 1, 1), ledger.licensing());
    }

    @Test
    void withoutAnActiveLicenceNoCallIsAdmitted() {
        totals.set(new LicenceTotals(0, 0));
        CallLedger.Grant refused = ask(1, "i", 1, call("a", "Board", "hd", "", false), null);
        assertEquals("capacity exceeded: no call licence is active; add one (Platform > Licences, or the licence"
                + " resource of the management API)", refused.refusal());
    }

    @Test
    void theParticipantLimitCountsTheConferencesCallsOnEveryNode() {
        totals.set(new LicenceTotals(100, 0));
        assertTrue(ask(1, "i", 1, call("a", "Board", "hd", "", false), 2).granted());
        assertTrue(ask(2, "j", 1, call("b", "Board", "hd", "", false), 2).granted());
        assertEquals("capacity exceeded: the participant limit of Board (2) is reached",
                ask(1, "i", 2, call("c", "Board", "hd", "", false), 2).refusal());
        assertTrue(ask(1, "i", 3, call("d", "Sales", "hd", "", false), 2).granted());
    }

    @Test
    void aCallAReportNoLongerListsHasEndedUnlessItsLicenceWasAskedAfterTheReport() {
        ask(1, "i", 5, call("a", "Board", "hd", "", false), null);
        ask(1, "i", 7, call("b", "Board", "hd", "", false), null);
        // a report made between the two requests: it lists a, not b, which is being placed still
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 6, List.of(call("a", "Board", "hd", "cn1", true))));
        assertEquals(2, ledger.licensing().portCount());
        // a later report without a: a ended
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 8, List.of(call("b", "Board", "hd", "cn1", true))));
        assertEquals(List.of("b"), uuids());
        // an older report overtaken by the newer one changes nothing
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 6, List.of()));
        assertEquals(List.of("b"), uuids());
    }

    @Test
    void placedCallsAReportListsAreCountedAfterARestart() {
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 3, List.of(call("a", "Board", "hd", "cn1", true),
                call("pending", "Board", "hd", "", false))));
        assertEquals(List.of("a"), uuids());
        assertEquals(1, ledger.licensing().portCount());
    }

    @Test
    void aNodeDeclaredLostEndsTheCallsItSignalsAndHostsAndIsToldSo() {
        totals.set(new LicenceTotals(100, 0));
        ask(1, "i", 1, call("a", "Board", "hd", "", false), null);
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 2, List.of(call("a", "Board", "hd", "cn1", true))));
        ask(2, "j", 1, call("b", "Board", "hd", "", false), null);
        ledger.report(2, "cn2", new Heartbeat.Calls("j", 2, List.of(call("b", "Board", "hd", "cn1", true),
                call("c", "Board", "hd", "cn2", true))));

        ledger.nodeLost(1);

        assertEquals(List.of("c"), uuids());
        assertEquals(List.of(new HeartbeatAnswer.EndedNode("cn1", "i")), ledger.ended());
        assertTrue(ledger.report(1, "cn1", new Heartbeat.Calls("i", 3, List.of())));
        assertFalse(ask(1, "i", 4, call("d", "Board", "hd", "", false), null).granted());
        // the node starts a new generation and is counted again
        assertFalse(ledger.report(1, "cn1", new Heartbeat.Calls("i2", 1, List.of())));
        assertTrue(ask(1, "i2", 2, call("d", "Board", "hd", "", false), null).granted());
        assertEquals(java.util.Map.of("a", "node declared lost", "b", "media node cn1: node declared lost"),
                ledger.drainEndReasons());
    }

    @Test
    void aDisconnectedCallEndsAtOnceAndAnEarlierReportDoesNotBringItBack() {
        ask(1, "i", 1, call("a", "Board", "hd", "", false), null);
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 2, List.of(call("a", "Board", "hd", "cn1", true))));
        ledger.disconnected(1, List.of("a"));
        assertEquals(List.of(), uuids());
        assertEquals(java.util.Map.of("a", "disconnected"), ledger.drainEndReasons());
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 3, List.of(call("a", "Board", "hd", "cn1", true))));
        assertEquals(List.of(), uuids());
    }

    @Test
    void aNodeThatStartedAnewEndsItsEarlierGeneration() {
        ask(1, "old", 1, call("a", "Board", "hd", "", false), null);
        ledger.report(1, "cn1", new Heartbeat.Calls("old", 2, List.of(call("a", "Board", "hd", "cn1", true))));
        assertFalse(ledger.report(1, "cn1", new Heartbeat.Calls("new", 1, List.of())));
        assertEquals(List.of(), uuids());
        assertEquals(List.of(new HeartbeatAnswer.EndedNode("cn1", "old")), ledger.ended());
    }

    @Test
    void endedGenerationsAreAnsweredForAWhile() {
        ledger.report(1, "cn1", new Heartbeat.Calls("i", 1, List.of()));
        ledger.nodeLost(1);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, ledger.ended().size());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), ledger.ended());
    }

    private List<String> uuids() {
        return ledger.entries(entry -> true).stream().map(entry -> entry.report().uuid()).sorted().toList();
    }
}
