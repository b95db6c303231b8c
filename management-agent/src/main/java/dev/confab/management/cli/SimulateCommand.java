package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementException;
import dev.confab.management.bursting.plan.HistoryReplay;
import dev.confab.management.bursting.plan.OwnPlatform;
import dev.confab.management.bursting.simulation.Billing;
import dev.confab.management.bursting.simulation.Comparison;
import dev.confab.management.bursting.simulation.GuideNineAm;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.SimulatedPolicy;
import dev.confab.management.bursting.simulation.Simulator;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.management.bursting.simulation.TraceCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code confab simulate}: replays a call trace through bursting policies side by side — the
 * Management Node's own policy code on simulated nodes and clock — and prints what each costs and
 * whom it turns away, beside the clairvoyant minimum. Exit code 0, or 2 when the input is wrong.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay a day-by-day call trace through bursting policies side by side, with the very policy"
                + " code the Management Node runs, on simulated Conferencing Nodes that take 40-90 s to run and"
                + " 3-4.5 minutes more to report, and EC2 billing. For each policy: calls rejected for capacity,"
                + " call-minutes that overflowed, overflow instance-hours, starts and stops, and the cost; beside"
                + " them the clairvoyant instance-hours (capacity exactly when needed, each node started 5 minutes"
                + " ahead).",
                "The trace is the scenario's (generated), a CSV file (--trace), or this Management Node's own"
                        + " participant history (--from-history, on its own locations, nodes and settings)."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = GuideNineAm.NAME, paramLabel = "NAME",
            description = "The platform, policies and generated trace: " + GuideNineAm.NAME + " (the deployment"
                    + " guide's example: 80 HD calls always-on, 30:70 always-on to overflow, threshold 12, a spike at"
                    + " 9:00 every weekday on 20%% of that load all day) (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--days", defaultValue = "7", description = "Days the scenario generates, from a Monday"
            + " (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--calls-per-day", paramLabel = "N", description = "Scale the scenario's load and platform"
            + " together to about N calls a day (default: the guide's example, about 4,400).")
    Integer callsPerDay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated trace and of the boot times"
            + " (default: ${DEFAULT-VALUE}); the same seed gives the same result.")
    long seed;

    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Replay these calls on the scenario's platform:"
            + " a CSV file with the header " + TraceCsv.HEADER + " (arrival as 2026-01-05T09:00:12Z; the location"
            + " that received the call; full_hd, hd, sd or audio; seconds).")
    Path trace;

    @Option(names = "--from-history", paramLabel = "DAYS", description = "Replay the calls of the last DAYS days of a"
            + " Management Node's history/v1/participant on its own locations, nodes, bursting settings and pre-warm"
            + " schedules; reached"
            + " with --url and the password, or with the demo's --access file.")
    Integer fromHistory;

    @Option(names = "--billing", defaultValue = "per-second", description = "per-second (after a 1-minute minimum per"
            + " start) or per-hour (default: ${DEFAULT-VALUE}).")
    String billing;

    @Option(names = "--format", defaultValue = "text", description = "text (a table) or json (default:"
            + " ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--url", description = "With --from-history: the Management Node's administrator interface, such"
            + " as https://10.0.0.10/ (default: the demo's, from --access).")
    String url;

    @Option(names = "--user", defaultValue = "admin", description = "With --url: web administration user (default:"
            + " ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-file", description = "With --url: file holding that user's password; without it, the"
            + " environment variable " + ManagementApiOptions.PASSWORD_VARIABLE + ".")
    Path passwordFile;

    @Option(names = "--ca-file", description = "With --url: PEM certificate to trust for the Management Node.")
    Path caFile;

    @Option(names = "--access", defaultValue = ".confab-demo/access.json", paramLabel = "FILE",
            description = "The demo's access.json, used by --from-history without --url (default: ${DEFAULT-VALUE}).")
    Path access;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean json = switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new IllegalArgumentException("--format " + format + " is not text or json.");
            };
            Run run = prepare();
            Comparison comparison = Simulator.withSeed(seed).compare(run.platform(), run.trace(), run.policies());
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ComparisonReport.json(run.source(), comparison)));
            } else {
                out.print(ComparisonReport.table(run.source(), comparison));
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | ManagementException | IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    /** What to replay: the trace, the platform it runs on, the policies to compare, and where it came from. */
    public record Run(String source, SimulatedPlatform platform, Trace trace, List<SimulatedPolicy> policies) {
    }

    /** What the options given ask to replay, read from a Management Node for {@code --from-history}. */
    public Run prepare() throws IOException {
        if (!GuideNineAm.NAME.equals(scenario)) {
            throw new IllegalArgumentException("--scenario " + scenario + " is not a scenario; there is "
                    + GuideNineAm.NAME + ".");
        }
        if (trace != null && fromHistory != null) {
            throw new IllegalArgumentException("Give --trace or --from-history, not both.");
        }
        Billing bill = new Billing(switch (billing.toLowerCase(Locale.ROOT)) {
            case "per-second" -> Billing.Mode.PER_SECOND;
            case "per-hour" -> Billing.Mode.PER_HOUR;
            default -> throw new IllegalArgumentException("--billing " + billing + " is not per-second or per-hour.");
        }, 0.34);
        if (fromHistory != null) {
            if (fromHistory < 1 || fromHistory > 366) {
                throw new IllegalArgumentException("--from-history " + fromHistory + ": give 1 to 366 days.");
            }
            HistoryReplay history = HistoryReplay.read(client(), fromHistory, Clock.systemUTC().instant(),
                    OwnPlatform.DEFAULT_NODE_HD, bill);
            return new Run("the last " + fromHistory + " day(s) of " + url, history.own().platform(), history.trace(),
                    history.own().policies());
        }
        GuideNineAm guide = new GuideNineAm(days, callsPerDay == null ? 1 : GuideNineAm.scaleFor(callsPerDay), seed);
        SimulatedPlatform platform = guide.platform();
        platform = new SimulatedPlatform(platform.places(), platform.machines(), platform.bootTimes(), bill);
        if (trace != null) {
            String text;
            try {
                text = Files.readString(trace, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--trace " + trace + " cannot be read: " + e.getMessage(), e);
            }
            try {
                return new Run(trace.toString(), platform, TraceCsv.parse(text), guide.policies());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--trace " + trace + ": " + e.getMessage(), e);
            }
        }
        return new Run(GuideNineAm.NAME + ", " + days + " day(s)", platform, guide.trace(), guide.policies());
    }

    private ManagementApiClient client() throws IOException {
        if (url != null) {
            ManagementApiOptions options = new ManagementApiOptions();
            options.url = url;
            options.user = user;
            options.passwordFile = passwordFile;
            options.caFile = caFile;
            return options.client();
        }
        if (!Files.isRegularFile(access)) {
            throw new IllegalArgumentException("--from-history needs a Management Node: give --url (and the password"
                    + " with --password-file or " + ManagementApiOptions.PASSWORD_VARIABLE + "), or start ./confab demo,"
                    + " whose " + access + " is read.");
        }
        JsonNode demo = new ObjectMapper().readTree(access.toFile());
        if (!demo.hasNonNull("url") || !demo.hasNonNull("password") || !demo.hasNonNull("ca_certificate")) {
            throw new IllegalArgumentException(access + " has no url, password or ca_certificate: start ./confab demo"
                    + " again, or give --url.");
        }
        url = demo.get("url").asText();
        Path selfSigned = Path.of(demo.get("ca_certificate").asText()).resolveSibling("https-selfsigned.crt");
        return new ManagementApiClient(url, selfSigned, demo.path("username").asText("admin"),
                demo.get("password").asText());
    }
}
