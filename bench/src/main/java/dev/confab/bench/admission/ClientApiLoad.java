package dev.confab.bench.admission;

import dev.confab.localcloud.DemoCalls;
import dev.confab.localcloud.callgen.ClientApiClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The client API of one Conferencing Node under load, beside the same node's {@code /status} as a
 * baseline in the same run: each at a fixed rate (latency percentiles), then each at saturation
 * (a fixed number in flight; for the client API, admissions per second). Each admitted call is
 * released at once, so capacity never runs out. Run with {@code bench/client-api.sh}.
 */
@Command(name = "client-api-load", mixinStandardHelpOptions = true)
public final class ClientApiLoad implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "1000", description = "requests per second of the fixed-rate phases")
    double rate;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds of each fixed-rate phase")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured seconds at the rate before them")
    int warmup;

    @Option(names = "--saturate-seconds", defaultValue = "10", description = "seconds of each saturation phase")
    int saturateSeconds;

    @Option(names = "--concurrency", defaultValue = "16", description = "requests in flight at saturation")
    int concurrency;

    @Option(names = "--max-in-flight", defaultValue = "64",
            description = "requests in flight at most at a fixed rate; one due beyond waits, its wait in its latency")
    int maxInFlight;

    @Option(names = "--call-type", defaultValue = "hd", description = "full_hd, hd, sd or audio")
    String callType;

    @Option(names = "--instance-type", defaultValue = "c5.9xlarge",
            description = "EC2 instance type that sizes the node's capacity (c5.9xlarge: about 77 HD calls)")
    String instanceType;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong releaseFailures = new AtomicLong();

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClientApiLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("confab-client-api-bench");
        try (BenchPlatform platform = BenchPlatform.start(dir, instanceType)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "bench-stop"));
            ClientApiClient client = new ClientApiClient(platform.clientApiTrust());
            HttpClient statusClient = HttpClient.newBuilder().sslContext(platform.statusTrust())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest status = HttpRequest.newBuilder(URI.create(platform.statusUrl()))
                    .timeout(Duration.ofSeconds(10)).build();
            Supplier<CompletableFuture<String>> statusRequest = () -> statusClient
                    .sendAsync(status, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> response.statusCode() == 200 ? "ok" : "HTTP " + response.statusCode());
            Supplier<CompletableFuture<String>> tokenRequest = () -> admitThenRelease(client, platform.clientApi(), false);
            Supplier<CompletableFuture<String>> tokenCycle = () -> admitThenRelease(client, platform.clientApi(), true);

            Map<String, Long> processes = new LinkedHashMap<>();
            processes.put("node", platform.nodePid());
            processes.put("management", platform.managementPid());
            processes.put("client", ProcessHandle.current().pid());
            Load load = new Load(processes, maxInFlight);
            System.out.printf("node %s (%s), %s calls, pid %d%n", platform.clientApi(), instanceType, callType,
                    platform.nodePid());
            load.atRate("warm-up /status", rate, Duration.ofSeconds(warmup), statusRequest);
            load.atRate("warm-up request_token", rate, Duration.ofSeconds(warmup), tokenRequest);
            PhaseResult statusAtRate = load.atRate(String.format("/status at %.0f/s", rate), rate,
                    Duration.ofSeconds(seconds), statusRequest);
            System.out.println(statusAtRate.line());
            PhaseResult tokenAtRate = load.atRate(String.format("request_token at %.0f/s", rate), rate,
                    Duration.ofSeconds(seconds), tokenRequest);
            System.out.println(tokenAtRate.line());
            PhaseResult statusSaturated = load.saturated("/status, " + concurrency + " in flight", concurrency,
                    Duration.ofSeconds(saturateSeconds), statusRequest);
            System.out.println(statusSaturated.line());
            PhaseResult tokenSaturated = load.saturated("request_token + release, " + concurrency + " in flight",
                    concurrency, Duration.ofSeconds(saturateSeconds), tokenCycle);
            System.out.println(tokenSaturated.line());
            System.out.printf("admissions per second at saturation: %.0f (releases refused or unanswered: %d)%n",
                    tokenSaturated.perSecond("admitted"), releaseFailures.get());
            System.out.printf("request_token at %.0f/s: p50 %.2f ms, p99 %.2f ms (goal p99 <= 10 ms); /status: p50"
                            + " %.2f ms, p99 %.2f ms%n", rate, tokenAtRate.latencies().percentileMillis(0.5),
                    tokenAtRate.latencies().percentileMillis(0.99), statusAtRate.latencies().percentileMillis(0.5),
                    statusAtRate.latencies().percentileMillis(0.99));
        } finally {
            if (System.getProperty("confab.keep") == null) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        return 0;
    }

    /**
     * {@code request_token} for the demo's room, completing with its outcome once answered; an admitted
     * call is released at once, and the future waits for that release when {@code awaitRelease}.
     */
    private CompletableFuture<String> admitThenRelease(ClientApiClient client, String node, boolean awaitRelease) {
        return client.requestToken(node, DemoCalls.ALIAS, "bench-" + calls.incrementAndGet(), callType, null)
                .thenCompose(answer -> {
                    if (!answer.success()) {
                        return CompletableFuture.completedFuture(answer.refusalReason());
                    }
                    CompletableFuture<String> release = client.releaseToken(node, DemoCalls.ALIAS, answer.field("token"))
                            .handle((released, failure) -> {
                                if (failure != null || !released.success()) {
                                    releaseFailures.incrementAndGet();
                                }
                                return "admitted";
                            });
                    return awaitRelease ? release : CompletableFuture.completedFuture("admitted");
                });
    }
}
