package dev.confab.management.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementException;
import dev.confab.management.api.OversizedBody;
import dev.confab.management.bursting.plan.GuideOnPlatform;
import dev.confab.management.bursting.plan.HistoryReplay;
import dev.confab.management.bursting.plan.OwnPlatform;
import dev.confab.management.bursting.plan.PlanRuns;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.ComparisonOverTime;
import dev.confab.management.bursting.simulation.GuideNineAm;
import dev.confab.management.bursting.simulation.PolicyResult;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.Timeline;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.management.bursting.simulation.TraceCsv;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.session.WebSession;
import dev.confab.management.web.views.PlanView;
import dev.confab.management.web.views.Table;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Status › Cloud Bursting › Plan: replays a trace of calls on this Management Node's own platform —
 * its locations, overflow locations, Conferencing Nodes and bursting settings, as {@code confab
 * simulate --from-history} reads them — through its configured threshold and the latency-aware
 * policy, and shows the outcome over time and side by side. The trace is the scenario
 * {@value GuideNineAm#NAME} on its locations, its own participant history, or an uploaded CSV file.
 * One simulation runs at a time, away from the request ({@link PlanRuns}); the page follows it every
 * second while it runs. Nothing is written to the configuration.
 */
public final class BurstingPlanPage {

    public static final String HREF = "/status/cloud-bursting/plan/";
    /** The most days a simulation on this page covers. */
    static final int MAX_DAYS = 14;
    /** The most calls a trace of this page holds. */
    static final int MAX_CALLS = 100_000;
    /** The largest trace file taken, in MiB. */
    public static final int MAX_TRACE_MIB = 8;
    /** The largest request the form may send: the file and the form's few fields. */
    public static final long MAX_REQUEST_BYTES = (MAX_TRACE_MIB + 1L) << 20;
    private static final long SEED = 1;
    private static final double PRICE_PER_HOUR = 0.34;

    private final ConfigurationService service;
    private final Templates templates;
    private final PlanRuns runs;
    private final Clock clock;
    private final OwnPlatformReader reader;
    private final ObjectMapper json = new ObjectMapper();

    public BurstingPlanPage(ConfigurationService service, Templates templates, PlanRuns runs, Clock clock) {
        this.service = service;
        this.templates = templates;
        this.runs = runs;
        this.clock = clock;
        this.reader = new OwnPlatformReader(service);
    }

    /** Before any other handler: refuses a form whose declared size is over the limit, or not declared. */
    public void refuseOversized(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        String message = "The upload is larger than " + MAX_TRACE_MIB + " MiB, the most Cloud Bursting › Plan"
                + " takes. Replay fewer calls (at most " + MAX_CALLS + ", over at most " + MAX_DAYS + " days), or use"
                + " confab simulate --trace on a computer of your own.";
        if (ctx.req().getContentLengthLong() < 0) {
            throw OversizedBody.refuseDeclared(ctx, "The form was sent without its length: send it from the Plan"
                    + " page of a browser.");
        }
        if (OversizedBody.declaredOver(ctx, MAX_REQUEST_BYTES)) {
            throw OversizedBody.refuseDeclared(ctx, message);
        }
    }

    public void show(Context ctx) {
        render(ctx, "scenario", "1", "7", null);
    }

    /** Starts the simulation the form asks for, unless one runs or the form is wrong; nothing is written. */
    public void run(Context ctx) {
        String source = value(ctx, "source", "scenario");
        String days = value(ctx, "days", "1");
        String historyDays = value(ctx, "history_days", "7");
        PlanRuns.Job job;
        try {
            job = job(ctx, source, days, historyDays);
        } catch (IllegalArgumentException | ManagementException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, source, days, historyDays, e.getMessage());
            return;
        }
        WebSession session = WebGuard.session(ctx);
        if (runs.start(job, session.user()).isEmpty()) {
            PlanRuns.Run running = runs.last().orElseThrow();
            session.flash("Not started: a simulation of " + running.description() + " runs already (started by "
                    + running.startedBy() + "). One runs at a time: wait until it ends, then start yours.");
        }
        ctx.redirect(HREF, HttpStatus.SEE_OTHER);
    }

    private PlanRuns.Job job(Context ctx, String source, String days, String historyDays) {
        Billing billing = new Billing(Billing.Mode.PER_SECOND, PRICE_PER_HOUR);
        switch (source) {
            case "scenario" -> {
                int count = days(days, "Days of the scenario");
                OwnPlatform own = OwnPlatform.read(reader, OwnPlatform.DEFAULT_NODE_HD, billing);
                Trace trace = new GuideOnPlatform(count, SEED).trace(own.platform());
                return job(GuideNineAm.NAME + ", " + count + " day(s)", own, trace);
            }
            case "history" -> {
                int count = days(historyDays, "Days of history");
                HistoryReplay history = HistoryReplay.read(reader, count, clock.instant(), OwnPlatform.DEFAULT_NODE_HD,
                        billing);
                return job("the last " + count + " day(s) of participant history", history.own(), history.trace());
            }
            case "trace" -> {
                OwnPlatform own = OwnPlatform.read(reader, OwnPlatform.DEFAULT_NODE_HD, billing);
                UploadedFile file = ctx.uploadedFile("trace");
                if (file == null || file.size() == 0) {
                    throw new IllegalArgumentException("Choose a trace file to upload: CSV with the header "
                            + TraceCsv.HEADER + ".");
                }
                Trace trace = TraceCsv.parse(text(file), own.locationNames());
                return job("the trace " + file.filename(), own, trace);
            }
            default -> throw new IllegalArgumentException("Choose the calls to replay: the scenario, the participant"
                    + " history or a trace file.");
        }
    }

    private static PlanRuns.Job job(String description, OwnPlatform own, Trace trace) {
        if (trace.calls().size() > MAX_CALLS) {
            throw new IllegalArgumentException("The trace holds " + trace.calls().size() + " calls; this page replays at"
                    + " most " + MAX_CALLS + ". Replay fewer days, or use confab simulate.");
        }
        Duration span = Duration.between(trace.start(), trace.end());
        if (span.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("The trace runs from " + trace.start() + " to " + trace.end() + ", "
                    + span.toHours() + " hours; this page replays at most " + MAX_DAYS + " days. Split it.");
        }
        return new PlanRuns.Job(description, own.platform(), trace, own.policies(), SEED);
    }

    private static int days(String text, String what) {
        int days;
        try {
            days = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": " + text + " is not a whole number of days; give 1 to "
                    + MAX_DAYS + ".", e);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(what + ": give 1 to " + MAX_DAYS + " days, not " + days + ".");
        }
        return days;
    }

    private static String text(UploadedFile file) {
        if (file.size() > (long) MAX_TRACE_MIB << 20) {
            throw new IllegalArgumentException("The trace file is larger than " + MAX_TRACE_MIB + " MiB, the most this"
                    + " page takes.");
        }
        try (InputStream in = file.content()) {
            String text = new String(in.readNBytes(MAX_TRACE_MIB << 20), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Context ctx, String name, String otherwise) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private void render(Context ctx, String source, String days, String historyDays, String error) {
        List<Table> platform;
        try {
            platform = platformTables(OwnPlatform.read(reader, OwnPlatform.DEFAULT_NODE_HD,
                    new Billing(Billing.Mode.PER_SECOND, PRICE_PER_HOUR)));
        } catch (IllegalArgumentException e) {
            platform = List.of();
            error = error == null ? "This platform cannot be simulated: " + e.getMessage() : error;
        }
        PlanRuns.Run run = runs.last().orElse(null);
        String state = run == null ? "none" : run.running() ? "running" : run.failure().isPresent() ? "failed"
                : "finished";
        ComparisonOverTime result = run == null ? null : run.result().orElse(null);
        PlanView view = new PlanView(source, days, historyDays, MAX_DAYS, MAX_TRACE_MIB, MAX_CALLS, error, platform,
                run == null ? "" : describe(run), state, run == null ? 0 : (int) Math.floor(run.progress().fraction()
                * 100), result == null ? null : chartJson(result), result == null ? null : results(result),
                result == null ? "" : String.format(Locale.ROOT, "%.1f", result.comparison().clairvoyantInstanceHours()));
        templates.page(ctx, "bursting-plan.jte", "Cloud Bursting › Plan", Map.of("view", view));
    }

    private static String describe(PlanRuns.Run run) {
        String text = String.format(Locale.ROOT, "%s: %,d calls, started by %s at %s UTC", run.description(),
                run.calls(), run.startedBy(), run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return run.took().map(took -> text + String.format(Locale.ROOT, ", simulated in %.1f s",
                took.toMillis() / 1000.0)).orElse(text) + run.failure().map(failure -> ". " + failure).orElse("");
    }

    private static List<Table> platformTables(OwnPlatform own) {
        SimulatedPlatform platform = own.platform();
        List<List<String>> rows = new ArrayList<>();
        for (SimulatedPlatform.Place place : platform.places()) {
            List<SimulatedPlatform.Machine> nodes = platform.machines().stream()
                    .filter(machine -> machine.place().equals(place.name())).toList();
            rows.add(List.of(place.name(), text(place.primaryOverflow()), text(place.secondaryOverflow()),
                    hd(nodes, false), hd(nodes, true)));
        }
        return List.of(new Table("The platform simulated (threshold " + own.settings().threshold()
                + " free HD calls, minimum lifetime " + own.settings().minLifetime().toMinutes() + " minutes)",
                List.of("Location", "Primary overflow location", "Secondary overflow location",
                        "Always-on nodes (HD calls)", "Overflow nodes (HD calls)"), rows,
                "This Management Node has no location yet."));
    }

    private static String hd(List<SimulatedPlatform.Machine> nodes, boolean bursting) {
        List<SimulatedPlatform.Machine> chosen = nodes.stream().filter(node -> node.bursting() == bursting).toList();
        return chosen.isEmpty() ? "—" : chosen.size() + " (" + chosen.stream()
                .mapToInt(SimulatedPlatform.Machine::hdCalls).sum() + ")";
    }

    private static Table results(ComparisonOverTime over) {
        double clairvoyant = over.comparison().clairvoyantInstanceHours();
        List<List<String>> rows = new ArrayList<>();
        for (PolicyResult result : over.comparison().results()) {
            rows.add(List.of(result.name(), String.format(Locale.ROOT, "%,d", result.rejectedCalls()),
                    String.format(Locale.ROOT, "%,.0f", result.overflowedCallMinutes()),
                    String.format(Locale.ROOT, "%.1f", result.instanceHours()),
                    clairvoyant > 0 ? String.format(Locale.ROOT, "%.2f", result.instanceHours() / clairvoyant) : "—",
                    String.valueOf(result.starts()), String.valueOf(result.stops()),
                    String.format(Locale.ROOT, "%.2f", result.cost())));
        }
        return new Table("The policies side by side", List.of("Policy", "Rejected calls", "Overflowed call-minutes",
                "Instance hours", "× clairvoyant", "Starts", "Stops", "Cost (USD)"), rows, "No policy was replayed.");
    }

    /** The result as the chart script reads it: epoch seconds, HD calls offered, and per policy its series. */
    private String chartJson(ComparisonOverTime over) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("times", over.times().stream().map(Instant::getEpochSecond).toList());
        chart.put("interval", over.interval().toSeconds());
        chart.put("offered", over.hdOffered());
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Timeline timeline : over.timelines()) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("name", timeline.policy());
            policy.put("inUse", timeline.hdCallsInUse());
            policy.put("capacity", timeline.hdCallsCapacity());
            policy.put("starts", timeline.starts());
            policy.put("rejected", timeline.rejectedCalls());
            policies.add(policy);
        }
        chart.put("policies", policies);
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString();
    }
}
