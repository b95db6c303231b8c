package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaLedgerTest {

    private static final Capacity C5_2XLARGE = Capacity.of("c5.2xlarge", 8);
    private final AtomicBoolean maintenance = new AtomicBoolean();

    private MediaLedger ledger(boolean multiNode) {
        return new MediaLedger(() -> C5_2XLARGE, () -> multiNode, maintenance::get);
    }

    private static MediaLedger.Reservation call(String id, String conference, CallType type) {
        return new MediaLedger.Reservation(id, conference, type, "cn1", "i-1");
    }

    @Test
    void aSeventeenHdNodeTakesSixteenHdCallsOfOneConferenceOnAPlatformOfSeveralNodes() {
        MediaLedger ledger = ledger(true);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            if (ledger.reserve(call("c" + i, "Board", CallType.HD)).isEmpty()) {
                admitted++;
            }
        }
        assertEquals(16, admitted);
        assertEquals(new Heartbeat.Load(272, 100, Map.of("HD", 16), List.of("Board")), ledger.load());
        assertEquals(0, ledger.freeTokens());
    }

    @Test
    void aNodeAloneHasNoBackplaneAndTakesSeventeen() {
        MediaLedger ledger = ledger(false);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            if (ledger.reserve(call("c" + i, "Board", CallType.HD)).isEmpty()) {
                admitted++;
            }
        }
        assertEquals(17, admitted);
    }

    @Test
    void eachConferenceHasItsBackplaneUntilItsLastCallEnds() {
        MediaLedger ledger = ledger(true);
        ledger.reserve(call("a", "Board", CallType.AUDIO));
        ledger.reserve(call("b", "Sales", CallType.SD));
        assertEquals(16 + 1 + 16 + 8, ledger.load().mediaTokensUsed());
        assertTrue(ledger.release("b"));
        assertFalse(ledger.release("b"));
        assertEquals(16 + 1, ledger.load().mediaTokensUsed());
        assertEquals(List.of("Board"), ledger.load().conferences());
    }

    @Test
    void aRefusalSaysWhatIsNeededAndWhatIsFree() {
        MediaLedger ledger = ledger(true);
        for (int i = 0; i < 15; i++) {
            ledger.reserve(call("c" + i, "Board", CallType.HD));
        }
        assertEquals(Optional.of("no room for a Full HD call (32 media tokens needed, 16 of 272 free)"),
                ledger.reserve(call("big", "Board", CallType.FULL_HD)));
        assertEquals(Optional.of("no room for an SD call (24 media tokens needed, 16 of 272 free)"),
                ledger.reserve(call("new", "Sales", CallType.SD)));
        assertEquals(Optional.empty(), ledger.reserve(call("sd", "Board", CallType.SD)));
    }

    @Test
    void inMaintenanceModeOnlyConferencesItHostsTakeCalls() {
        MediaLedger ledger = ledger(true);
        ledger.reserve(call("a", "Board", CallType.HD));
        maintenance.set(true);
        assertEquals(Optional.of("in maintenance mode, it takes no new conferences"),
                ledger.reserve(call("b", "Sales", CallType.HD)));
        assertEquals(Optional.empty(), ledger.reserve(call("c", "Board", CallType.HD)));
    }

    @Test
    void aReleasedReservationIsNotTakenAgainEvenWhenTheReleaseCameFirst() {
        MediaLedger ledger = ledger(true);
        assertFalse(ledger.release("late"));
        assertEquals(Optional.of("the call's reservation was released already"),
                ledger.reserve(call("late", "Board", CallType.HD)));
        assertEquals(0, ledger.load().mediaTokensUsed());
    }

    @Test
    void aReservationHeldAlreadyIsTakenOnce() {
        MediaLedger ledger = ledger(true);
        assertEquals(Optional.empty(), ledger.reserve(call("a", "Board", CallType.HD)));
        assertEquals(Optional.empty(), ledger.reserve(call("a", "Board", CallType.HD)));
        assertEquals(32, ledger.load().mediaTokensUsed());
    }

    @Test
    void theReservationsOfAnEndedGenerationAreReleasedTogether() {
        MediaLedger ledger = ledger(true);
        ledger.reserve(new MediaLedger.Reservation("a", "Board", CallType.HD, "cn2", "old"));
        ledger.reserve(new MediaLedger.Reservation("b", "Board", CallType.HD, "cn2", "new"));
        ledger.reserve(new MediaLedger.Reservation("c", "Board", CallType.HD, "cn3", "old"));
        List<MediaLedger.Reservation> released = ledger.releaseIf(held -> held.signallingNode().equals("cn2")
                && held.signallingIncarnation().equals("old"));
        assertEquals(List.of("a"), released.stream().map(MediaLedger.Reservation::id).toList());
        assertEquals(16 + 32, ledger.load().mediaTokensUsed());
    }

    @Test
    void concurrentReservationsNeverExceedTheCapacity() throws Exception {
        MediaLedger ledger = ledger(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "c" + i;
                String conference = "conf" + (i % 3);
                results.add(pool.submit(() -> ledger.reserve(call(id, conference, CallType.SD)).isEmpty()));
            }
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get() ? 1 : 0;
            }
            // every token is taken, by the admitted SD calls and one backplane per conference hosted
            Heartbeat.Load load = ledger.load();
            assertEquals(272, load.mediaTokensUsed());
            assertEquals(272, admitted * 8 + 16 * load.conferences().size());
            assertEquals(admitted, load.calls().get("SD"));
        } finally {
            pool.shutdownNow();
        }
    }
}
