package dev.confab.localcloud.callgen;

import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@code confab callgen}: makes calls through Conferencing Nodes' client API, as load for the
 * platform: at a rate, of a mix of call types, each held for a while and then released. A live
 * progress line on a terminal, a summary at the end (text, or one JSON object); Ctrl-C releases
 * every held call before it exits.
 */
@Command(name = "callgen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make calls to a conference alias through the Conferencing Nodes' client API: request_token"
                + " at a rate, refresh_token while each call is held, release_token at the end of its hold.",
                "Without --duration it runs until Ctrl-C; with it, it starts calls for that long, then waits until"
                        + " every held call has ended its hold. Ctrl-C releases every held call, then prints the summary."})
public final class CallgenCommand implements Callable<Integer> {

    /** How long callgen waits for the releases of held calls when it is stopped. */
    static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Option(names = "--alias", required = true, description = "The alias to call, e.g. meet@demo.")
    String alias;

    @Option(names = "--rate", defaultValue = "1", description = "New calls per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to start calls, e.g. 60s or 10m (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--hold", defaultValue = "30s", converter = HoldConverter.class, paramLabel = "HOLD",
            description = "How long each call is held: a duration (30s), exp:MEAN (exp:30s) or uniform:MIN-MAX"
                    + " (uniform:10s-60s) (default: ${DEFAULT-VALUE}).")
    HoldTime hold;

    @Option(names = "--mix", defaultValue = "hd=100", converter = MixConverter.class, paramLabel = "MIX",
            description = "Call types and their weights: full_hd, hd, sd, audio, e.g. hd=70,sd=20,audio=10"
                    + " (default: ${DEFAULT-VALUE}).")
    CallMix mix;

    @Option(names = "--nodes", split = ",", paramLabel = "NODE",
            description = "Nodes that receive the calls, in turn: client API base URLs (https://127.0.1.1:PORT) or"
                    + " numbers of the demo's nodes (1, 2 …) (default: every node of the demo, from --access).")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--pin", description = "The PIN to give (host or guest PIN of the conference).")
    String pin;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "CA certificate (PEM) that issued the nodes' certificates (default: the demo's, from --access).")
    Path ca;

    @Option(names = "--access", defaultValue = ".confab-demo/access.json", paramLabel = "FILE",
            description = "The demo's access.json, for the defaults of --nodes and --ca (default: ${DEFAULT-VALUE}).")
    Path access;

    @Option(names = "--display-name", defaultValue = "callgen",
            description = "Display name of the calls, numbered: callgen-1, callgen-2 … (default: ${DEFAULT-VALUE}).")
    String displayName;

    @Option(names = "--format", defaultValue = "text",
            description = "Summary format: text or json (one JSON object on one line) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        CallgenPlan plan = plan();
        ClientApiClient client = new ClientApiClient(trust());
        PrintStream out = System.out;
        boolean terminal = System.console() != null;
        if (format.equals("text")) {
            out.println("callgen: calling " + alias + " on " + String.join(", ", plan.nodes()) + " at "
                    + (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate)) + " calls/s" + (duration == null ? " until Ctrl-C" : " for " + Durations.format(duration))
                    + ", hold " + hold + ", mix " + mix + ". Ctrl-C releases every held call.");
        }
        AtomicBoolean reported = new AtomicBoolean();
        try (CallGenerator generator = new CallGenerator(plan, client, Clock.systemUTC(), new SplittableRandom())) {
            Thread stopper = new Thread(() -> {
                if (reported.compareAndSet(false, true)) {
                    generator.stop();
                    try {
                        generator.awaitFinished(RELEASE_TIMEOUT);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    report(out, terminal, generator.snapshot());
                }
            }, "callgen-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            generator.start();
            while (!generator.awaitFinished(PROGRESS_INTERVAL)) {
                if (terminal && !reported.get()) {
                    out.print("\r" + generator.snapshot().progressLine()
                            + (generator.allStarted() ? "  (all started; held calls end with their hold)" : "")
                            + "\033[K");
                    out.flush();
                }
            }
            if (!reported.compareAndSet(false, true)) {
                return 130;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook sees the report done and does nothing
            }
            CallgenSummary summary = generator.snapshot();
            report(out, terminal, summary);
            return summary.attempted() > 0 && summary.errorTotal() == summary.attempted() ? 1 : 0;
        }
    }

    private void report(PrintStream out, boolean terminal, CallgenSummary summary) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.print(format.equals("json") ? summary.json(alias) + System.lineSeparator() : summary.text(alias));
        out.flush();
    }

    /** The run the options describe, or a parameter error saying what to fix. */
    CallgenPlan plan() {
        try {
            if (!format.equals("text") && !format.equals("json")) {
                throw new IllegalArgumentException("--format " + format + ": write text or json.");
            }
            RateSchedule schedule = new RateSchedule(rate, duration);
            return new CallgenPlan(alias.strip(), pin, nodeUrls(), schedule, mix, hold, displayName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<String> nodeUrls() {
        if (alias.isBlank()) {
            throw new IllegalArgumentException("--alias is empty: give the alias of a conference, e.g. meet@demo.");
        }
        if (nodes.isEmpty()) {
            return DemoAccess.read(access).clientApi();
        }
        List<String> urls = new ArrayList<>();
        for (String node : nodes) {
            String value = node.strip();
            if (value.matches("\\d{1,4}")) {
                List<String> demo = DemoAccess.read(access).clientApi();
                int number = Integer.parseInt(value);
                if (number < 1 || number > demo.size()) {
                    throw new IllegalArgumentException("--nodes " + value + ": the demo has nodes 1 to " + demo.size()
                            + ".");
                }
                urls.add(demo.get(number - 1));
            } else {
                urls.add(baseUrl(value));
            }
        }
        return urls;
    }

    private static String baseUrl(String value) {
        try {
            URI uri = URI.create(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new IllegalArgumentException("--nodes: '" + value + "' is neither a client API base URL"
                + " (https://HOST:PORT) nor the number of a demo node (1, 2 …).");
    }

    /** A TLS context trusting the CA of {@code --ca}, or of the demo, or a parameter error saying what to fix. */
    SSLContext trust() {
        try {
            Path file = ca != null ? ca : DemoAccess.read(access).caCertificate();
            List<X509Certificate> certificates;
            try {
                certificates = Pem.readCertificates(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("The CA certificate " + file + " cannot be read (" + e.getMessage()
                        + "): give the PEM file of the Management Node's CA with --ca.", e);
            }
            return TlsMaterial.clientContext(certificates.get(0), null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Converts an option with {@code parse}, its error message in picocli's "Invalid value for option" error. */
    abstract static class ParsingConverter<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> parse;

        ParsingConverter(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts {@code --duration}. */
    static final class DurationConverter extends ParsingConverter<Duration> {
        DurationConverter() {
            super(Durations::parse);
        }
    }

    /** Converts {@code --hold}. */
    static final class HoldConverter extends ParsingConverter<HoldTime> {
        HoldConverter() {
            super(HoldTime::parse);
        }
    }

    /** Converts {@code --mix}. */
    static final class MixConverter extends ParsingConverter<CallMix> {
        MixConverter() {
            super(CallMix::parse);
        }
    }
}
