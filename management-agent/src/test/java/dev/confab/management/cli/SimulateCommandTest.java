package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code confab simulate}: the JSON it prints, its table, and its errors on bad input. */
class SimulateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void printsEachPolicyAndTheClairvoyantMinimumAsJson() throws Exception {
        int exit = run("--scenario", "guide-9am", "--days", "1", "--calls-per-day", "800", "--format", "json");

        assertEquals(0, exit, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertTrue(report.get("clairvoyant_instance_hours").isNumber());
        List<String> names = new ArrayList<>();
        for (JsonNode policy : report.get("policies")) {
            names.add(policy.get("name").asText());
            for (String field : List.of("rejected_calls", "starts", "stops")) {
                assertTrue(policy.get(field).isIntegralNumber(), field);
            }
            for (String field : List.of("overflowed_call_minutes", "instance_hours", "cost")) {
                assertTrue(policy.get(field).isNumber(), field);
            }
        }
        assertEquals(List.of("fixed threshold 12", "latency-aware", "pre-warm + fixed threshold 12",
                "pre-warm + latency-aware"), names);
    }

    @Test
    void printsATableWithoutFormatJson() {
        int exit = run("--days", "1", "--calls-per-day", "800");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("rejected") && out.toString().contains("× clairvoyant"), out.toString());
        assertTrue(out.toString().contains("Clairvoyant minimum: "), out.toString());
    }

    @Test
    void replaysATraceFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Files.writeString(trace, "arrival,location,call_type,duration_seconds\n2026-01-05T09:00:00Z,London,hd,600\n");

        int exit = run("--trace", trace.toString(), "--format", "json");

        assertEquals(0, exit, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(1, report.get("calls").asInt());
        assertEquals(0, report.get("policies").get(0).get("rejected_calls").asInt());
    }

    @Test
    void namesTheBadLineOfATraceFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Files.writeString(trace, "arrival,location,call_type,duration_seconds\n2026-01-05T09:00:00Z,London,4k,600\n");

        assertEquals(2, run("--trace", trace.toString()));
        assertEquals("--trace " + trace + ": Line 2: call type 4k is not one of full_hd, hd, sd, audio",
                err.toString().strip());
    }

    @Test
    void refusesATraceAtALocationThePlatformDoesNotHave(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Files.writeString(trace, "arrival,location,call_type,duration_seconds\n2026-01-05T09:00:00Z,Paris,hd,600\n");

        assertEquals(2, run("--trace", trace.toString()));
        assertEquals("The trace has calls arriving at Paris, which is not a location of the platform (London,"
                + " AWS overflow)", err.toString().strip());
    }

    @Test
    void refusesAnUnknownScenarioOrFormat() {
        assertEquals(2, run("--scenario", "rush-hour"));
        assertEquals(2, run("--format", "xml"));
        assertEquals("--scenario rush-hour is not a scenario; there is guide-9am.\n--format xml is not text or json.",
                err.toString().strip());
    }
}
