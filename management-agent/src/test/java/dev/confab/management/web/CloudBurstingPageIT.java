package dev.confab.management.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.ReportingNode;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.testing.SettableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status › Cloud Bursting with bursting on: London overflows first to Burst, whose node keeps the
 * distributed database on, and second to Spare, which is no one's primary overflow location. Over an
 * hour of the node's clock, London's node reports a rising and falling load and Burst's node reports
 * from the sixth sample on; the load is sampled every five minutes of that clock (besides the samples
 * the Management Node takes every 15 seconds, which replace them at the same instants, and may take
 * one before the clock first moves). The guide's warnings, the load
 * history in the API and on the page's chart, and the page's own refresh. Its screenshot is
 * docs/screenshots/cloud-bursting.png.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudBurstingPageIT {

    private static final int[] LONDON_TOKENS = {0, 32, 64, 96, 112, 128, 144, 144, 128, 96, 16, 40};
    /** Burst's node reports from the sixth sample on. */
    private static final int[] BURST_TOKENS = {-1, -1, -1, -1, -1, 16, 48, 64, 32, 0, 0, 20};
    private static final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @RegisterExtension
    @Order(1)
    static final RunningNode node = new RunningNode(clock);

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser(node);

    private static ReportingNode london;
    private static ReportingNode burst;

    @BeforeAll
    static void platformWithLoad() throws Exception {
        assertEquals(202 / 100, node.patch("/api/admin/configuration/v1/global/1/", Map.of("bursting_enabled", true,
                "aws_instance_role", true)).status() / 100);
        String burstUri = location("Burst", Map.of());
        String spareUri = location("Spare", Map.of());
        String londonUri = location("London", Map.of("overflow_location1", burstUri, "overflow_location2", spareUri));
        london = ReportingNode.enrol(node, "lon-1", "10.20.0.11", londonUri, Map.of());
        burst = ReportingNode.enrol(node, "burst-1", "10.20.0.21", burstUri, Map.of());
        assertEquals(201, node.post("/api/admin/configuration/v1/worker_vm/", Map.of("name", "spare-1",
                "hostname", "spare-1", "domain", "vc.example.com", "address", "10.20.0.31", "netmask",
                "255.255.255.0", "gateway", "10.20.0.1", "system_location", spareUri, "deployment_type",
                "MANUAL-PROVISION-ONLY", "password", "ssh-Secret-1", "enable_distributed_database", false)).status());
        for (int sample = 0; sample < LONDON_TOKENS.length; sample++) {
            clock.advance(Duration.ofMinutes(5));
            assertEquals(200, london.heartbeat(LONDON_TOKENS[sample]));
            if (BURST_TOKENS[sample] >= 0) {
                assertEquals(200, burst.heartbeat(BURST_TOKENS[sample]));
            }
            node.agent().sampleLoad();
        }
    }

    private static String location(String name, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("name", name);
        return node.post("/api/admin/configuration/v1/system_location/", body).body().get("resource_uri").asText();
    }

    @Test
    @Order(1)
    void listsTheGuidesWarningsInTheApi() {
        JsonNode answer = node.get("/api/admin/status/v1/cloud_bursting_warning/").body();
        assertEquals(2, answer.get("meta").get("total_count").asInt(), answer.toString());
        JsonNode database = answer.get("objects").get(0);
        assertEquals("distributed_database", database.get("kind").asText());
        assertEquals("Burst", database.get("system_location").asText());
        assertEquals("burst-1", database.get("nodes").get(0).asText());
        JsonNode secondary = answer.get("objects").get(1);
        assertEquals("secondary_overflow_only", secondary.get("kind").asText());
        assertTrue(secondary.get("message").asText().contains("only the secondary overflow location of \"London\""),
                secondary.toString());
    }

    @Test
    @Order(2)
    void answersEachLocationsLoadHistoryInTheApi() {
        JsonNode history = node.get("/api/admin/status/v1/location_load_history/?hours=1").body();
        assertEquals(1, history.get("hours").asInt());
        assertEquals(15, history.get("interval_seconds").asInt());
        int samples = history.get("times").size();
        // the Management Node's own samples may add one at the start, before the clock first moved
        assertTrue(samples == LONDON_TOKENS.length || samples == LONDON_TOKENS.length + 1, history.toString());
        JsonNode londonSeries = history.get("locations").get(1);
        assertEquals("London", londonSeries.get("name").asText());
        assertEquals(List.of(6.0, 1.0, 2.5), last(3, doubles(londonSeries.get("hd_calls_in_use"))));
        int capacity = londonSeries.get("max_hd_calls").get(samples - 1).asInt();
        assertTrue(capacity > 3, "a 4-vCPU node hosts more HD calls than the test uses: " + capacity);
        assertEquals(capacity - 3, londonSeries.get("free_hd_calls").get(samples - 1).asInt());
        JsonNode burstSeries = history.get("locations").get(0);
        assertEquals(List.of(0.0, 0.0, 1.25), last(3, doubles(burstSeries.get("hd_calls_in_use"))));
        assertEquals(0, burstSeries.get("max_hd_calls").get(0).asInt(),
                "a node that has not reported adds no capacity");
        assertEquals(samples, londonSeries.get("max_hd_calls").size(), "every series is as long as the times");
    }

    @Test
    @Order(3)
    void refusesHoursItDoesNotKeep() {
        for (String hours : new String[] {"0", "7", "three", "-1"}) {
            RunningNode.Response refused = node.get("/api/admin/status/v1/location_load_history/?hours=" + hours);
            assertEquals(400, refused.status(), hours);
            assertTrue(refused.text().contains("hours must be a whole number of hours from 1 to 6"), refused.text());
        }
    }

    @Test
    @Order(4)
    void showsTheWarningsAndChartsEachLocationsLoadAgainstItsCapacity() {
        browser.open("/login");
        browser.type("username", RunningNode.USER);
        browser.type("password", RunningNode.PASSWORD);
        browser.click("login");
        browser.open("/status/cloud-bursting/");
        assertEquals("every 15s", browser.find("#live").getAttribute("hx-trigger"));
        String warnings = browser.text("#warnings");
        assertTrue(warnings.contains("Overflow Conferencing Node \"burst-1\" in \"Burst\" has the distributed database"
                + " on") && warnings.contains("Location \"Spare\" holds overflow nodes but is only the secondary"),
                warnings);
        int samples = awaitChart(LONDON_TOKENS.length);
        // uPlot's series: the time axis, then each location's in-use and capacity lines, Burst, London, Spare
        assertEquals(List.of("Burst in use", "Burst capacity", "London in use", "London capacity", "Spare in use",
                "Spare capacity"), labels());
        assertEquals(List.of(6.0, 1.0, 2.5), last(3, chartValues(3)));
        assertTrue(browser.text("#load").contains(samples + " samples, one every 15 seconds"), browser.text("#load"));
        browser.scrollTo("warnings-title");
        browser.screenshot("cloud-bursting");
    }

    @Test
    @Order(5)
    void drawsTheChartAgainWhenThePageRefreshesItself() throws Exception {
        int before = chartValues(3).size();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, london.heartbeat(64));
        assertEquals(200, burst.heartbeat(0));
        node.agent().sampleLoad();
        // the refresh the page's every-15-seconds trigger makes, asked for at once
        js("htmx.ajax('GET', '/status/cloud-bursting/', {target: '#live', select: '#live', swap: 'outerHTML'});");
        int samples = awaitChart(before + 1);
        assertEquals(List.of(4.0), last(1, chartValues(3)));
        assertTrue(browser.text("#load").contains(samples + " samples"), browser.text("#load"));
    }

    @Test
    @Order(6)
    void showsBurstingsLastRunAndSaysWhyANodeCouldNotBeStarted() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ignored -> {
            browser.open("/status/cloud-bursting/");
            return browser.text("#live").contains("Last run (UTC)");
        });
        String page = browser.text("#live");
        assertTrue(page.contains("EC2 could not be described") && page.contains("Monitored locations")
                && page.contains("Notes and issues of the last run"), page);
        assertTrue(browser.text("#cloud-nodes").contains("Overflow nodes, as EC2 last described them"));
        // the form a Start button posts, for an instance EC2 could not confirm
        js("var form = document.createElement('form'); form.method = 'post'; form.action = '/status/cloud-bursting/start';"
                + " form.innerHTML = '<input name=\"_csrf\" value=\"' + document.querySelector('input[name=_csrf]').value"
                + " + '\"><input name=\"instance_id\" value=\"i-0123456789abcdef0\">';"
                + " document.body.appendChild(form); form.submit();");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ignored ->
                browser.driver().findElements(org.openqa.selenium.By.id("flash")).size() == 1);
        assertEquals("/status/cloud-bursting/", browser.path());
        assertTrue(browser.text("#flash").startsWith("Not started: "), browser.text("#flash"));
    }

    /** Waits until the page's chart is drawn on a canvas with at least {@code samples} samples; answers how many. */
    private static int awaitChart(int samples) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ignored -> Boolean.TRUE.equals(js(
                "var chart = document.getElementById('load-chart').uplot;"
                        + " return !!chart && chart.root.isConnected && !!chart.root.querySelector('canvas')"
                        + " && chart.data[0].length >= " + samples + ";")));
        return ((Number) js("return document.getElementById('load-chart').uplot.data[0].length;")).intValue();
    }

    private static List<Double> last(int count, List<Double> values) {
        return values.subList(values.size() - count, values.size());
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels() {
        List<String> labels = (List<String>) js("return document.getElementById('load-chart').uplot.series"
                + ".slice(1).map(function (series) { return series.label; });");
        return new ArrayList<>(labels);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> chartValues(int series) {
        List<Number> values = (List<Number>) js("return document.getElementById('load-chart').uplot.data["
                + series + "];");
        return values.stream().map(Number::doubleValue).toList();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values;
    }
}
