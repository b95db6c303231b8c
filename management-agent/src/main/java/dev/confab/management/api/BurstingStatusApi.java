package dev.confab.management.api;

import dev.confab.management.calls.LoadHistory;
import dev.confab.management.calls.LoadSeries;
import dev.confab.management.cloud.ConversionWarnings;
import dev.confab.management.cloud.guide.ConversionWarning;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.store.Times;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the Cloud Bursting page shows beside the catalog's resources, for scripts (ours: the
 * reference platform has neither). {@code GET /api/admin/status/v1/cloud_bursting_warning/}: the
 * guide's conversion checks, as a list of {@code kind}, {@code system_location}, {@code nodes} and
 * {@code message}. {@code GET /api/admin/status/v1/location_load_history/?hours=N}: each location's
 * HD calls in use, HD call capacity and free HD calls over the last {@code N} hours (default 3),
 * one sample per interval, aligned on {@code times}.
 */
public final class BurstingStatusApi {

    public static final String WARNINGS = "/api/admin/status/v1/cloud_bursting_warning/";
    public static final String LOAD_HISTORY = "/api/admin/status/v1/location_load_history/";
    /** Hours of load history answered when the request names none. */
    public static final int DEFAULT_HOURS = 3;

    private final ConversionWarnings warnings;
    private final LoadHistory history;
    private final Clock clock;

    public BurstingStatusApi(ConversionWarnings warnings, LoadHistory history, Clock clock) {
        this.warnings = warnings;
        this.history = history;
        this.clock = clock;
    }

    /** Registers the routes; before the catalog's, whose {@code {resource}/} would match them too. */
    public void register(JavalinConfig config) {
        config.routes.get(WARNINGS, this::warnings);
        config.routes.get(LOAD_HISTORY, this::loadHistory);
    }

    private void warnings(Context ctx) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ConversionWarning warning : warnings.now()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("kind", warning.kind().name().toLowerCase(Locale.ROOT));
            object.put("system_location", warning.location());
            object.put("nodes", warning.nodes());
            object.put("message", warning.message());
            objects.add(object);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("limit", objects.size());
        meta.put("next", null);
        meta.put("offset", 0);
        meta.put("previous", null);
        meta.put("total_count", objects.size());
        ctx.json(Map.of("meta", meta, "objects", objects));
    }

    private void loadHistory(Context ctx) {
        int hours = hours(ctx.queryParam("hours"), history);
        LoadSeries series = history.since(clock.instant().minus(Duration.ofHours(hours)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hours", hours);
        body.put("interval_seconds", series.interval().toSeconds());
        body.put("times", series.times().stream().map(Times::format).toList());
        List<Map<String, Object>> locations = new ArrayList<>();
        for (LoadSeries.Location location : series.locations()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("name", location.name());
            object.put("hd_calls_in_use", location.hdCallsInUse());
            object.put("max_hd_calls", location.maxHdCalls());
            object.put("free_hd_calls", location.freeHdCalls());
            locations.add(object);
        }
        body.put("locations", locations);
        ctx.json(body);
    }

    /** The hours asked for: a whole number from 1 to as many as the history keeps. */
    static int hours(String asked, LoadHistory history) {
        long most = Math.max(1, history.kept().toHours());
        if (asked == null || asked.isBlank()) {
            return (int) Math.min(DEFAULT_HOURS, most);
        }
        if (asked.matches("[0-9]{1,3}")) {
            int hours = Integer.parseInt(asked);
            if (hours >= 1 && hours <= most) {
                return hours;
            }
        }
        throw new ValidationException("hours must be a whole number of hours from 1 to " + most
                + " (the load history keeps " + most + " hours), not \"" + asked + "\".",
                Map.of("hours", "a whole number from 1 to " + most));
    }
}
