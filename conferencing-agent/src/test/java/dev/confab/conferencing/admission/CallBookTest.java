package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import dev.confab.shared.wire.Heartbeat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallBookTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Service BOARD = new Service("Board", "conference", "", "", false, null, "video", "");
    private static final Call.Media HERE = new Call.Media("cn1", "London", "10.0.0.1", 0, "i-1", true);

    private static Call call(String uuid) {
        return new Call(uuid, "Alice", "meet", BOARD, Role.HOST, CallType.HD, "cn1", T0, null, null, null);
    }

    @Test
    void aReportIsNumberedAfterEveryLicenceRequestAndListsUnplacedCalls() {
        CallBook book = new CallBook();
        long request = book.add(call("a"));
        Heartbeat.Calls report = book.report("i-1");
        assertTrue(report.sequence() > request);
        assertEquals(List.of("a"), report.participants().stream().map(p -> p.uuid()).toList());
        assertFalse(report.participants().get(0).placed());
        assertTrue(book.add(call("b")) > report.sequence());
    }

    @Test
    void aRefreshedTokenReplacesTheOldOne() {
        CallBook book = new CallBook();
        book.add(call("a"));
        book.place("a", HERE, "t1", T0.plusSeconds(120));
        assertTrue(book.refresh("t1", T0.plusSeconds(60), "t2", T0.plusSeconds(180)).isPresent());
        assertTrue(book.byToken("t1", T0.plusSeconds(61)).isEmpty());
        assertEquals("a", book.byToken("t2", T0.plusSeconds(61)).orElseThrow().uuid());
        assertTrue(book.refresh("t1", T0.plusSeconds(61), "t3", T0.plusSeconds(181)).isEmpty());
    }

    @Test
    void aTokenNotRefreshedExpiresAndItsCallEnds() {
        CallBook book = new CallBook();
        book.add(call("a"));
        book.add(call("unplaced"));
        book.place("a", HERE, "t1", T0.plus(Duration.ofSeconds(120)));
        assertEquals(List.of(), book.expire(T0.plusSeconds(119)));
        assertTrue(book.byToken("t1", T0.plusSeconds(120)).isEmpty());
        assertEquals(List.of("a"), book.expire(T0.plusSeconds(120)).stream().map(Call::uuid).toList());
        assertEquals(List.of("unplaced"), book.all().stream().map(Call::uuid).toList());
    }

    @Test
    void aCallEndedWhileItWasPlacedIsNotPlaced() {
        CallBook book = new CallBook();
        book.add(call("a"));
        book.remove("a");
        assertTrue(book.place("a", HERE, "t1", T0.plusSeconds(120)).isEmpty());
        assertTrue(book.byToken("t1", T0).isEmpty());
    }
}
