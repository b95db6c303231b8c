package dev.confab.management.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.bursting.scheduler.BurstingScheduler;
import dev.confab.management.bursting.scheduler.ManualStartReply;
import dev.confab.management.calls.LoadHistory;
import dev.confab.management.calls.LoadSeries;
import dev.confab.management.cloud.ConversionWarnings;
import dev.confab.management.cloud.guide.ConversionWarning;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.session.WebSession;
import dev.confab.management.web.views.CloudBurstingView;
import dev.confab.management.web.views.CloudNodeRow;
import dev.confab.management.web.views.Display;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.Table;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status › Cloud Bursting: the bursting settings and bursting's last run, the guide's conversion
 * warnings, each location's load against its capacity over the last {@link #CHART_HOURS} hours, the
 * overflow nodes as bursting last found them (a stopped one has a Start button), the monitored and
 * overflow locations, the last run's notes and issues, and the locations' overflow locations as
 * configured. The page refreshes itself every 15 seconds (htmx swaps in the live part).
 */
public final class CloudBurstingPage {

    public static final String HREF = "/status/cloud-bursting/";
    public static final String START = HREF + "start";
    /** Hours of load history the chart shows. */
    static final int CHART_HOURS = 3;

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;
    private final ConversionWarnings warnings;
    private final LoadHistory history;
    private final Clock clock;
    private final BurstingScheduler bursting;
    private final ObjectMapper json = new ObjectMapper();

    public CloudBurstingPage(ConfigurationService service, Templates templates, Lookups lookups,
                             ConversionWarnings warnings, LoadHistory history, Clock clock,
                             BurstingScheduler bursting) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
        this.warnings = warnings;
        this.history = history;
        this.clock = clock;
        this.bursting = bursting;
    }

    /** Starts the stopped overflow node the form names, as {@code start_cloudnode} does, and says how it went. */
    public void start(Context ctx) {
        WebSession session = WebGuard.session(ctx);
        String instance = ctx.formParam("instance_id");
        if (instance == null || instance.isBlank()) {
            session.flash("Choose an overflow node to start.");
        } else {
            ManualStartReply reply = bursting.startByAdministrator(instance.strip(), session.actor(ctx));
            if (reply instanceof ManualStartReply.Started started) {
                session.flash("Starting " + started.nodeName() + " (" + started.instanceId() + "): EC2 says "
                        + started.state() + ".");
            } else if (reply instanceof ManualStartReply.Refused refused) {
                session.flash("Not started: " + refused.message());
            } else if (reply instanceof ManualStartReply.Failed failed) {
                session.flash("Not started: " + failed.message());
            }
        }
        ctx.redirect(HREF, HttpStatus.SEE_OTHER);
    }

    public void show(Context ctx) {
        Catalog catalog = service.catalog();
        Map<String, Object> global = service.get(catalog.configuration(ResourceNames.GLOBAL), ResourceView.SINGLETON_ID);
        LoadSeries series = history.since(clock.instant().minus(Duration.ofHours(CHART_HOURS)));
        CloudBurstingView view = new CloudBurstingView(List.of(settings(global), lastRun(catalog)),
                warnings.now().stream().map(ConversionWarning::message).toList(), chartJson(series),
                series.times().size(), series.interval().toSeconds(), cloudNodes(catalog),
                List.of(monitored(catalog), overflow(catalog), notes(catalog), overflowLinks(catalog)));
        templates.page(ctx, "cloud-bursting.jte", "Cloud Bursting", Map.of("view", view,
                "tag", text(global.get("bursting_tag_name")) + "=" + text(global.get("bursting_tag_value"))));
    }

    private static Table settings(Map<String, Object> global) {
        return new Table("Settings", List.of("Setting", "Value"), List.of(
                List.of("Bursting enabled", Display.text(global.get("bursting_enabled"), Map.of())),
                List.of("Bursting threshold (free HD calls)", text(global.get("bursting_threshold"))),
                List.of("Minimum lifetime (minutes)", text(global.get("bursting_min_lifetime"))),
                List.of("Tag name", text(global.get("bursting_tag_name"))),
                List.of("Tag value", text(global.get("bursting_tag_value")))), "");
    }

    private List<Map<String, Object>> status(Catalog catalog, String resource) {
        return lookups.all(catalog.get(ResourceNames.STATUS_API, resource), Map.of());
    }

    private Table lastRun(Catalog catalog) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> run : status(catalog, ResourceNames.CLOUD_BURSTING)) {
            rows.add(List.of("Last run (UTC)", text(run.get("last_run_time"))));
            rows.add(List.of("EC2 last described (UTC)", text(run.get("last_described_time"))));
            if (!text(run.get("describe_error")).isBlank()) {
                rows.add(List.of("EC2 could not be described", text(run.get("describe_error"))));
            }
            rows.add(List.of("Circuit breaker", text(run.get("circuit_breaker"))
                    + (run.get("circuit_breaker_until") == null ? "" : ", starts resume at "
                    + run.get("circuit_breaker_until") + " UTC")));
            rows.add(List.of("Overflow nodes running", run.get("running_nodes") + " of at most "
                    + run.get("max_running_nodes")));
            rows.add(List.of("Minimum lifetime in effect (seconds)", text(run.get("min_lifetime_seconds"))));
            rows.add(List.of("Last starts and stops", text(run.get("last_actions"))));
        }
        return new Table("Bursting's last run", List.of("", ""), rows, "Bursting has not run since the Management"
                + " Node started.");
    }

    private List<CloudNodeRow> cloudNodes(Catalog catalog) {
        List<CloudNodeRow> rows = new ArrayList<>();
        for (Map<String, Object> node : status(catalog, ResourceNames.CLOUD_NODE)) {
            String state = text(node.get("cloud_instance_state"));
            rows.add(new CloudNodeRow(text(node.get("cloud_instance_id")), text(node.get("cloud_instance_name")),
                    text(node.get("workervm_configuration_name")), text(node.get("workervm_configuration_location_name")),
                    state, text(node.get("cloud_instance_ip")), text(node.get("cloud_instance_public_ip")),
                    text(node.get("running_since")), node.get("free_hd_calls") + " free of " + node.get("max_hd_calls")
                            + " HD calls, " + node.get("media_load") + " % (" + node.get("load_status") + ")",
                    "stopped".equals(state) && node.get("workervm_configuration_id") != null));
        }
        return rows;
    }

    private Table monitored(Catalog catalog) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> location : status(catalog, ResourceNames.CLOUD_MONITORED_LOCATION)) {
            rows.add(List.of(text(location.get("name")), text(location.get("overflow_location")),
                    text(location.get("free_hd_calls")), text(location.get("max_hd_calls")),
                    text(location.get("media_load")), text(location.get("threshold")),
                    text(location.get("effective_threshold")), minutes(location.get("minutes_to_exhaustion")),
                    text(location.get("state"))));
        }
        return new Table("Monitored locations", List.of("Location", "Primary overflow location", "Free HD calls",
                "Max HD calls", "Media load (%)", "Threshold", "Effective threshold", "Minutes to full", "State"), rows,
                "No location is monitored: none holds always-on nodes and overflows first to a location of overflow"
                        + " nodes.");
    }

    private Table overflow(Catalog catalog) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> location : status(catalog, ResourceNames.CLOUD_OVERFLOW_LOCATION)) {
            rows.add(List.of(text(location.get("name")), text(location.get("free_hd_calls")),
                    text(location.get("starting_hd_calls")), text(location.get("max_hd_calls")),
                    text(location.get("media_load")), text(location.get("threshold")),
                    text(location.get("effective_threshold")), minutes(location.get("minutes_to_exhaustion")),
                    text(location.get("state"))));
        }
        return new Table("Overflow locations", List.of("Location", "Free HD calls", "Starting HD calls",
                "Max HD calls", "Media load (%)", "Threshold", "Effective threshold", "Minutes to full", "State"), rows,
                "No location holds overflow nodes.");
    }

    /** Minutes to full, or a dash while no call arrives. */
    private static String minutes(Object value) {
        return value == null ? "—" : text(value);
    }

    private Table notes(Catalog catalog) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> note : status(catalog, ResourceNames.CLOUD_BURSTING_NOTE)) {
            rows.add(List.of(text(note.get("kind")).replace('_', ' '), text(note.get("message"))));
        }
        return new Table("Notes and issues of the last run", List.of("About", "Note"), rows,
                "Nothing to remark on.");
    }

    private Table overflowLinks(Catalog catalog) {
        ResourceSpec locationSpec = catalog.configuration(ResourceNames.SYSTEM_LOCATION);
        Map<String, String> names = lookups.namesFor(locationSpec);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> location : lookups.all(locationSpec, Map.of())) {
            if (location.get("overflow_location1") != null || location.get("overflow_location2") != null) {
                rows.add(List.of(text(location.get("name")), Display.text(location.get("overflow_location1"), names),
                        Display.text(location.get("overflow_location2"), names)));
            }
        }
        return new Table("Overflow locations, as configured", List.of("Location", "Primary overflow location",
                "Secondary overflow location"), rows, "No location has an overflow location.");
    }

    /** The series as the chart script reads them: epoch seconds and HD calls per location. */
    private String chartJson(LoadSeries series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("times", series.times().stream().map(time -> time.getEpochSecond()).toList());
        List<Map<String, Object>> locations = new ArrayList<>();
        for (LoadSeries.Location location : series.locations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", location.name());
            entry.put("inUse", location.hdCallsInUse());
            entry.put("capacity", location.maxHdCalls());
            locations.add(entry);
        }
        chart.put("locations", locations);
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
