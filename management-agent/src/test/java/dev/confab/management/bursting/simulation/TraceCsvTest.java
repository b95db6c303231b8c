package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Traces as CSV: the calls it reads, and each bad line refused with its number and what is wrong. */
class TraceCsvTest {

    @Test
    void readsCallsInArrivalOrderSkippingCommentsAndBlankLines() {
        Trace trace = TraceCsv.parse("""
                # two calls
                arrival,location,call_type,duration_seconds
                2026-01-05T09:00:30Z,London,sd,90.5

                2026-01-05T09:00:00Z,London,HD,1800
                """);

        assertEquals(List.of(new TraceCall(Instant.parse("2026-01-05T09:00:00Z"), "London", CallType.HD,
                        Duration.ofMinutes(30)), new TraceCall(Instant.parse("2026-01-05T09:00:30Z"), "London",
                        CallType.SD, Duration.ofMillis(90_500))), trace.calls());
        assertEquals(List.of(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-05T09:30:00Z")),
                List.of(trace.start(), trace.end()));
    }

    @Test
    void writesLinesItReads() {
        TraceCall call = new TraceCall(Instant.parse("2026-01-05T09:00:00Z"), "London", CallType.AUDIO,
                Duration.ofSeconds(61));

        assertEquals(List.of(call), TraceCsv.parse(TraceCsv.HEADER + "\n" + TraceCsv.line(call)).calls());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            # the second line                              | error
              2026-01-05T09:00:00Z,London,hd                | Line 2: 3 fields where 4 are expected (arrival,location,call_type,duration_seconds): 2026-01-05T09:00:00Z,London,hd
              09:00,London,hd,60                            | Line 2: arrival 09:00 is not an ISO-8601 instant such as 2026-01-05T09:00:12Z
              2026-01-05T09:00:00Z,,hd,60                   | Line 2: the location is empty
              2026-01-05T09:00:00Z,London,4k,60             | Line 2: call type 4k is not one of full_hd, hd, sd, audio
              2026-01-05T09:00:00Z,London,hd,long           | Line 2: duration_seconds long is not a number
              2026-01-05T09:00:00Z,London,hd,0              | Line 2: duration_seconds 0 must be above zero
            """)
    void refusesABadLineWithItsNumber(String line, String error) {
        assertEquals(error, assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.parse(TraceCsv.HEADER + "\n" + line)).getMessage());
    }

    @Test
    void refusesATraceWithoutItsHeaderOrWithoutCalls() {
        assertEquals("Line 1: the first line must be the header arrival,location,call_type,duration_seconds, not"
                + " 2026-01-05T09:00:00Z,London,hd,60", assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.parse("2026-01-05T09:00:00Z,London,hd,60")).getMessage());
        assertEquals("The trace holds no call: after the header arrival,location,call_type,duration_seconds, write one"
                + " call a line, e.g. 2026-01-05T09:00:12Z,London,hd,1800", assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.parse(TraceCsv.HEADER + "\n")).getMessage());
    }

    @Test
    void refusesACallAtALocationThePlatformDoesNotHaveWithItsLine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TraceCsv.parse(
                TraceCsv.HEADER + "\n2026-01-05T09:00:00Z,London,hd,60\n# Paris\n2026-01-05T09:00:05Z,Paris,sd,60\n",
                List.of("London", "AWS overflow")));

        assertEquals("Line 4: location Paris is not a location of the platform (London, AWS overflow)",
                refused.getMessage());
    }
}
