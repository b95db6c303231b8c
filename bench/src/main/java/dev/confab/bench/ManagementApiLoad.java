package dev.confab.bench;

import dev.confab.bench.channel.CommitLoop;
import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Callable;

/**
 * Load on the management API: a Management Node with N stored Conferencing Nodes, then closed-loop
 * clients doing GET list-of-20 pages, then PATCHes of one node each, for a fixed time each. Prints
 * throughput and latency percentiles, and (with wrk) a bare SQLite commit loop on the same
 * filesystem with the PATCHes as a ratio to it. Run:
 * {@code mvn -B -q -pl bench -am install -DskipTests && mvn -B -q -pl bench exec:java
 * -Dexec.mainClass=dev.confab.bench.ManagementApiLoad}
 */
@Command(name = "management-api-load", mixinStandardHelpOptions = true)
public final class ManagementApiLoad implements Callable<Integer> {

    private static final String NODES = "/api/admin/configuration/v1/worker_vm/";

    @Option(names = "--nodes", defaultValue = "1000", description = "worker_vm objects stored first")
    int nodes;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent clients")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds per phase")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured seconds before each phase")
    int warmup;

    @Option(names = "--client", defaultValue = "wrk",
            description = "wrk (a separate process, Debian package wrk) or java (in this JVM); default: ${DEFAULT-VALUE}")
    String client;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ManagementApiLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("confab-bench-");
        String password = "bench-password";
        try (ManagementAgent agent = ManagementAgent.create(ManagementConfig.defaults(data)
                .withBind("127.0.0.1", 0, 0).withInitialAdmin("admin", password.toCharArray())).start()) {
            seed(agent.configuration());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(TlsMaterial.clientContext(Pem.readCertificates(
                            Files.readString(data.resolve("pki/https-selfsigned.crt"))).get(0), null)).build();
            String base = "https://127.0.0.1:" + agent.httpsPort();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            System.out.printf("Management API load: %d worker_vm stored, %d clients, %d s per phase, %d cores%n",
                    nodes, clients, seconds, Runtime.getRuntime().availableProcessors());
            if (client.equals("wrk")) {
                Wrk wrk = new Wrk(base, auth, nodes, clients);
                wrk.run("GET list of 20", "list.lua", warmup, seconds);
                double patches = wrk.run("PATCH one worker_vm", "patch.lua", warmup, seconds);
                double loop = CommitLoop.run(data, 5);
                System.out.printf("bare SQLite commit loop (WAL, synchronous=FULL, one thread) on the data filesystem:"
                        + " %.0f commits/s; PATCH = %.2f x it%n", loop, patches / loop);
                System.out.printf("Management Node resident memory after the run: %d MB%n", residentMegabytes());
                return 0;
            }
            report("GET list of 20", run(() -> HttpRequest.newBuilder(URI.create(base + NODES + "?limit=20&offset="
                    + ThreadLocalRandom.current().nextInt(nodes - 20))).header("Authorization", auth).GET().build(), http));
            report("PATCH one worker_vm", run(() -> HttpRequest.newBuilder(URI.create(base + NODES
                    + (1 + ThreadLocalRandom.current().nextInt(nodes)) + "/"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\": \"bench "
                            + System.nanoTime() + "\"}")).build(), http));
            System.out.printf("Resident memory after the run: %d MB%n", residentMegabytes());
        }
        return 0;
    }

    private void seed(ConfigurationService configuration) {
        ResourceSpec locations = configuration.catalog().configuration("system_location");
        ResourceSpec workers = configuration.catalog().configuration("worker_vm");
        Actor actor = Actor.system("bench");
        String location = (String) configuration.create(locations, Map.of("name", "bench"), actor).get("resource_uri");
        for (int i = 0; i < nodes; i++) {
            configuration.create(workers, Map.of("name", "cn" + i, "hostname", "cn" + i, "domain", "bench.example.com",
                    "address", "10." + (i / 250) + "." + (i % 250) + ".10", "netmask", "255.255.255.255",
                    "gateway", "169.254.0.1", "system_location", location), actor);
        }
    }

    private LatencyRecorder run(java.util.function.Supplier<HttpRequest> requests, HttpClient http) throws Exception {
        phase(requests, http, warmup);
        return phase(requests, http, seconds);
    }

    private LatencyRecorder phase(java.util.function.Supplier<HttpRequest> requests, HttpClient http, int duration)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(requests.get(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            recorder.record(System.nanoTime() - start);
                        } else {
                            recorder.error();
                        }
                    } catch (Exception e) {
                        recorder.error();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return LatencyRecorder.merge(recorders);
    }

    private void report(String name, LatencyRecorder result) {
        System.out.printf("%-22s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d%n", name,
                result.count() / (double) seconds, result.percentileMillis(0.50), result.percentileMillis(0.99),
                result.errors());
    }

    private static long residentMegabytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
