package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.localcloud.testing.Chromium;
import dev.confab.management.bursting.PrewarmSchedule;
import dev.confab.management.bursting.simulation.Comparison;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.SimulatedPolicy;
import dev.confab.management.bursting.simulation.Simulator;
import dev.confab.management.bursting.simulation.TraceCall;
import dev.confab.management.cli.SimulateCommand;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planning bursting on a live platform: a Management Node process with Loopback's always-on node and
 * Cloud Overflow's two overflow nodes (stopped instances of the EC2-compatible endpoint, paired by
 * bursting). Real calls through the always-on node's client API leave participant history, which
 * {@code confab simulate --from-history} reads back through the management API as a trace and
 * replays; then Status › Cloud Bursting › Plan in headless Chromium simulates the scenario on the
 * platform's own locations and refuses a bad trace file with its line. Its screenshot is
 * docs/screenshots/cloud-bursting-plan.png.
 */
@Timeout(400)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BurstingPlanIT {

    /** How long each call is held, one after the other, so that bursting never starts a node. */
    private static final List<Duration> HELD = List.of(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(4));

    @TempDir
    static Path dir;
    private static BurstingPlatform platform;
    private static final List<Duration> measured = new ArrayList<>();
    private static ChromeDriver browser;

    @BeforeAll
    static void platformWithHistory() throws Exception {
        platform = BurstingPlatform.start(new BurstingPlatform.Options(dir, 191, 2, "c5.large", 1,
                Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        for (int i = 0; i < HELD.size(); i++) {
            BurstingPlatform.Admitted call = platform.call("Planner " + (i + 1));
            Thread.sleep(HELD.get(i).toMillis());
            platform.release(call);
            measured.add(Duration.between(call.answeredAt(), Instant.now()));
        }
        Await.atMost(Duration.ofSeconds(60)).until("3 calls in the participant history and 2 paired overflow nodes",
                () -> platform.api().get("/api/admin/history/v1/participant/").path("meta").path("total_count")
                        .asInt() == HELD.size() && platform.instanceIds().stream().allMatch(id -> paired(id))
                        ? true : null);
    }

    private static boolean paired(String instanceId) {
        try {
            return platform.cloudNode(instanceId).map(node -> !node.path("workervm_configuration_id").isNull())
                    .orElse(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static String[] fromHistory(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--from-history", "1", "--url", platform.api().baseUrl(),
                "--password-file", dir.resolve("admin-password").toString(), "--ca-file",
                dir.resolve("management/pki/https-selfsigned.crt").toString()));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void fromHistoryReadsTheCallsThePlatformCarriedOnItsOwnLocationsAndNodes() throws Exception {
        SimulateCommand command = new SimulateCommand();
        new CommandLine(command).parseArgs(fromHistory());

        SimulateCommand.Run run = command.prepare();

        List<TraceCall> calls = run.trace().calls();
        assertEquals(HELD.size(), calls.size(), calls.toString());
        List<TraceCall> byDuration = calls.stream().sorted(Comparator.comparing(TraceCall::duration)).toList();
        for (int i = 0; i < HELD.size(); i++) {
            TraceCall call = byDuration.get(i);
            assertEquals(BurstingPlatform.MONITORED, call.location());
            assertEquals(CallType.HD, call.type());
            // the history keeps whole seconds from connect to disconnect; the test measured answer to release
            long seconds = call.duration().toSeconds();
            assertTrue(Math.abs(seconds - measured.get(i).toMillis() / 1000.0) <= 1.5,
                    "call " + i + " lasted " + seconds + " s in the history, " + measured.get(i) + " measured");
        }
        SimulatedPlatform simulated = run.platform();
        SimulatedPlatform.Place monitored = simulated.places().stream()
                .filter(place -> place.name().equals(BurstingPlatform.MONITORED)).findFirst().orElseThrow();
        List<SimulatedPlatform.Machine> overflow = simulated.machines().stream()
                .filter(SimulatedPlatform.Machine::bursting).toList();
        assertEquals(2, overflow.size(), simulated.machines().toString());
        assertTrue(overflow.stream().allMatch(node -> node.place().equals(monitored.primaryOverflow())),
                simulated.toString());
        assertEquals(List.of("fixed threshold 1", "latency-aware"), run.policies().stream()
                .map(policy -> policy.name()).toList());

        Comparison comparison = Simulator.withSeed(1).compare(run.platform(), run.trace(), run.policies());
        assertEquals(HELD.size(), comparison.calls());
        assertTrue(comparison.results().stream().allMatch(result -> result.rejectedCalls() == 0),
                comparison.toString());
    }

    @Test
    @Order(2)
    void theCommandPrintsTheReplayOfTheHistoryAsJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(fromHistory("--format", "json"));

        assertEquals(0, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(HELD.size(), report.get("calls").asInt());
        assertEquals(2, report.get("policies").size());
        assertEquals(0, report.get("policies").get(0).get("rejected_calls").asInt());
    }

    @Test
    @Order(3)
    void thePlanPageSimulatesTheScenarioOnThePlatformsOwnLocations() throws Exception {
        browser = Chromium.start(1280, 1400);
        browser.get(page("login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("s3cret-bursting");
        browser.findElement(By.id("login")).click();
        // the login's own navigation first, or it may land after the page asked for next
        Await.atMost(Duration.ofSeconds(30)).until("logged in",
                () -> browser.getCurrentUrl().contains("/login") ? null : true);
        browser.get(page("status/cloud-bursting/plan/"));
        assertEquals("page", browser.findElement(By.linkText("Cloud Bursting › Plan")).getAttribute("aria-current"));
        assertEquals(null, browser.findElement(By.linkText("Cloud Bursting")).getAttribute("aria-current"));
        String simulated = text("table.list");
        assertTrue(simulated.contains(BurstingPlatform.MONITORED) && simulated.contains("2 (8)"), simulated);

        browser.findElement(By.id("days")).clear();
        browser.findElement(By.id("days")).sendKeys("1");
        browser.findElement(By.id("simulate")).click();

        Await.atMost(Duration.ofSeconds(120)).until("the chart of the simulation", () -> Boolean.TRUE.equals(js(
                "var chart = document.getElementById('plan-chart');"
                        + " return !!chart && !!chart.uplot && !!chart.uplot.root.querySelector('canvas');")) ? true : null);
        assertTrue(text("#run-description").startsWith("guide-9am, 1 day(s): "), text("#run-description"));
        List<String> rows = browser.findElements(By.cssSelector("#run table.list tbody tr")).stream()
                .map(row -> row.findElement(By.cssSelector("td")).getText()).toList();
        assertEquals(List.of("fixed threshold 1", "latency-aware"), rows);
        assertTrue(text("#clairvoyant").startsWith("Clairvoyant minimum: "), text("#clairvoyant"));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return document.getElementById('plan-chart').uplot.series.slice(1)"
                + ".map(function (series) { return series.label; });");
        assertEquals(List.of("HD calls offered", "HD calls in use", "HD calls capacity", "Starts", "Rejected calls"),
                labels);
        // a day in minutes
        assertEquals(1440L, ((Number) js("return document.getElementById('plan-chart').uplot.data[0].length;"))
                .longValue());
        browser.findElement(By.id("run-title")).click();
        Chromium.screenshot(browser, "cloud-bursting-plan");
    }

    @Test
    @Order(4)
    void thePlanPageRefusesABadTraceFileWithItsLine() throws Exception {
        Path bad = dir.resolve("calls.csv");
        Files.writeString(bad, "arrival,location,call_type,duration_seconds\n"
                + "2026-01-05T09:00:12Z," + BurstingPlatform.MONITORED + ",hd,1800\n"
                + "2026-01-05T09:01:00Z," + BurstingPlatform.MONITORED + ",4k,600\n");
        browser.get(page("status/cloud-bursting/plan/"));
        browser.findElement(By.id("source-trace")).click();
        browser.findElement(By.id("trace-file")).sendKeys(bad.toString());
        browser.findElement(By.id("simulate")).click();

        awaitText("#plan-error", "Line 3: call type 4k is not one of");

        Files.writeString(bad, "arrival,location,call_type,duration_seconds\n2026-01-05T09:00:12Z,Paris,hd,60\n");
        browser.findElement(By.id("source-trace")).click();
        browser.findElement(By.id("trace-file")).sendKeys(bad.toString());
        browser.findElement(By.id("simulate")).click();

        awaitText("#plan-error", "Line 2: location Paris is not a location of the platform");
    }

    private static String page(String path) {
        String base = platform.api().baseUrl();
        return (base.endsWith("/") ? base : base + "/") + path;
    }

    private static String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** Waits for the page the form's answer brings to show {@code prefix} in {@code cssSelector}. */
    private static void awaitText(String cssSelector, String prefix) throws InterruptedException {
        Await.atMost(Duration.ofSeconds(30)).until("'" + prefix + "' in " + cssSelector,
                () -> text(cssSelector).startsWith(prefix) ? true : null);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    @Order(5)
    void thePoliciesComparedIncludeThePlatformsConfiguredOptionsAndPrewarmSchedules() throws Exception {
        String config = "/api/admin/configuration/v1/";
        SimulateCommand.Run before = prepared();
        String overflowName = before.platform().places().stream()
                .filter(place -> place.name().equals(BurstingPlatform.MONITORED)).findFirst().orElseThrow()
                .primaryOverflow();
        String overflowUri = null;
        for (JsonNode location : platform.api().get(config + "system_location/").get("objects")) {
            if (location.get("name").asText().equals(overflowName)) {
                overflowUri = location.get("resource_uri").asText();
            }
        }
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("name", "weekday 9:00");
        schedule.put("system_location", overflowUri);
        schedule.put("days", "mon,tue,wed,thu,fri");
        schedule.put("peak_time", "09:00");
        schedule.put("time_zone", "Europe/London");
        schedule.put("nodes", 2);
        platform.api().post(config + "bursting_schedule/", schedule);
        platform.api().patch(config + "global/1/", Map.of("bursting_latency_aware", true));
        try {
            SimulateCommand.Run run = prepared();

            assertEquals(List.of("fixed threshold 1", "as configured (threshold 1, latency-aware, 1 pre-warm schedule)",
                    "latency-aware", "pre-warm + latency-aware"), run.policies().stream()
                    .map(policy -> policy.name()).toList());
            SimulatedPolicy configured = run.policies().get(1);
            assertTrue(configured.settings().planAhead().latencyAware(), configured.toString());
            assertEquals(1, configured.schedules().size());
            PrewarmSchedule nine = configured.schedules().get(0);
            assertEquals(run.platform().locationId(overflowName), nine.locationId());
            assertEquals(LocalTime.of(9, 0), nine.peakAt());
            assertEquals(ZoneId.of("Europe/London"), nine.zone());
            assertEquals(2, nine.nodes());
            assertFalse(run.policies().get(0).settings().planAhead().latencyAware(), "the guide's threshold alone");
            assertTrue(run.policies().get(0).schedules().isEmpty());
        } finally {
            platform.api().patch(config + "global/1/", Map.of("bursting_latency_aware", false));
            for (JsonNode stored : platform.api().get(config + "bursting_schedule/").get("objects")) {
                platform.api().delete(stored.get("resource_uri").asText());
            }
        }
        assertEquals(2, prepared().policies().size(), "without options or schedules, as before");
    }

    private static SimulateCommand.Run prepared() throws Exception {
        SimulateCommand command = new SimulateCommand();
        new CommandLine(command).parseArgs(fromHistory());
        return command.prepare();
    }
}
