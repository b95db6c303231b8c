package dev.confab.management.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.calls.LoadHistory;
import dev.confab.management.calls.LoadSeries;
import dev.confab.management.cloud.ConversionWarnings;
import dev.confab.management.cloud.guide.ConversionWarning;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.views.CloudBurstingView;
import dev.confab.management.web.views.Display;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.Table;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status › Cloud Bursting: the bursting settings, the guide's conversion warnings, each location's
 * load against its capacity over the last {@link #CHART_HOURS} hours, and the locations' overflow
 * locations as configured. The page refreshes itself every 15 seconds (htmx swaps in the live part).
 */
public final class CloudBurstingPage {

    public static final String HREF = "/status/cloud-bursting/";
    /** Hours of load history the chart shows. */
    static final int CHART_HOURS = 3;

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;
    private final ConversionWarnings warnings;
    private final LoadHistory history;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public CloudBurstingPage(ConfigurationService service, Templates templates, Lookups lookups,
                             ConversionWarnings warnings, LoadHistory history, Clock clock) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
        this.warnings = warnings;
        this.history = history;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Catalog catalog = service.catalog();
        Map<String, Object> global = service.get(catalog.configuration(ResourceNames.GLOBAL), ResourceView.SINGLETON_ID);
        LoadSeries series = history.since(clock.instant().minus(Duration.ofHours(CHART_HOURS)));
        CloudBurstingView view = new CloudBurstingView(settings(global),
                warnings.now().stream().map(ConversionWarning::message).toList(), chartJson(series),
                series.times().size(), series.interval().toSeconds(), List.of(overflowLinks(catalog)));
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
