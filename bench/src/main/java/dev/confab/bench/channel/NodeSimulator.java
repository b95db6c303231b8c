package dev.confab.bench.channel;

import dev.confab.bench.LatencyRecorder;
import dev.confab.bench.ProcessCpu;
import dev.confab.shared.pki.Pem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Up to ten thousand Conferencing Nodes in one process against a real Management Node (another process):
 * enrols them through the real flow, runs each node's heartbeats and configuration long-poll over
 * its own mutual TLS connections (Netty; every node's connections share one small event loop
 * group), then measures (1) configuration change → received by every node, (2) heartbeats per
 * second at saturation (every node sending back to back), and the Management Node's resident
 * memory after each, with the CPU both processes used meanwhile. Run with {@code bench/node-channel.sh}.
 */
@Command(name = "node-simulator", mixinStandardHelpOptions = true)
public final class NodeSimulator implements Callable<Integer> {

    /** Open files kept aside in each process for its own files, the API's clients and the bare servers. */
    private static final long DESCRIPTOR_RESERVE = 1_000;

    @Option(names = "--api", required = true, description = "Management API base URL")
    String api;

    @Option(names = "--certificate", required = true, description = "the Management Node's HTTPS certificate (PEM)")
    Path certificate;

    @Option(names = "--password-file", required = true, description = "password of the admin user")
    Path passwordFile;

    @Option(names = "--management-pid", defaultValue = "0", description = "process to report the memory of")
    long managementPid;

    @Option(names = "--nodes", defaultValue = "1000")
    int nodes;

    @Option(names = "--locations", defaultValue = "1", description = "system locations the nodes are spread over"
            + " (a heartbeat's answer carries the load of its node's location, summed over the nodes in it)")
    int locations;

    @Option(names = "--changes", defaultValue = "20", description = "configuration changes measured")
    int changes;

    @Option(names = "--warmup-changes", defaultValue = "20", description = "changes made, and printed apart, before"
            + " the measured ones: a Management Node that has just answered its fleet for the first time is still"
            + " compiling the code that answers it (its optimizing JIT took about 40 % of its CPU during the first"
            + " changes on a 2-core machine)")
    int warmupChanges;

    @Option(names = "--saturate-seconds", defaultValue = "20")
    int saturateSeconds;

    @Option(names = "--io-threads", defaultValue = "1", description = "event loop threads shared by all nodes")
    int ioThreads;

    @Option(names = "--echo-port", defaultValue = "0", description = "the bare echo server's port (0: none)")
    int echoPort;

    @Option(names = "--echo-ca", description = "the bare echo server's CA (PEM)")
    Path echoCa;

    @Option(names = "--scratch", description = "a directory on the Management Node's data filesystem, for the"
            + " bare commit loop (none: no write measurements)")
    Path scratch;

    @Option(names = "--start-per-second", defaultValue = "500", description = "nodes starting to heartbeat and"
            + " poll per second, as a fleet comes up")
    int startPerSecond;

    @Option(names = "--opening-at-once", defaultValue = "32", description = "connections of the whole fleet"
            + " opening (TCP connect and TLS handshake) at one time; the others wait their turn")
    int openingAtOnce;

    @Option(names = "--fleet-holds-configuration", description = "every node starts from the configuration's"
            + " current revision, as nodes that keep their replica on disk do when they reconnect to a restarted"
            + " Management Node, instead of asking for the whole configuration (a fresh fleet)")
    boolean fleetHoldsConfiguration;

    @Option(names = "--http1", description = "the nodes speak HTTP/1.1, each with a connection for its heartbeats"
            + " and one for its long-poll, as agents did before they spoke HTTP/2 (default: HTTP/2, one connection"
            + " per node)")
    boolean http1;

    @Option(names = "--write-clients", defaultValue = "16", description = "clients sending PATCH at once")
    int writeClients;

    @Option(names = "--write-seconds", defaultValue = "10")
    int writeSeconds;

    @Option(names = "--warmup-write-seconds", defaultValue = "10", description = "seconds of the same writes made, and"
            + " printed apart, before the measured ones, for the optimizing JIT to compile the write path")
    int warmupWriteSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NodeSimulator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || locations < 1 || locations > nodes) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--nodes must be at least 1 and"
                    + " --locations between 1 and --nodes, not " + nodes + " and " + locations);
        }
        AdminApi admin = new AdminApi(api, certificate, "admin", Files.readString(passwordFile).strip());
        List<String> placed = new ArrayList<>();
        for (int i = 1; i <= locations; i++) {
            placed.add(admin.post("/api/admin/configuration/v1/system_location/",
                    Map.of("name", locations == 1 ? "Simulated" : "Simulated " + i)).get("resource_uri").asText());
        }
        String location = placed.get(0);
        long start = System.nanoTime();
        List<Fleet.Enrolled> enrolled = Fleet.enrol(admin, placed, nodes, 4);
        System.out.printf("enrolled %d nodes in %d location%s in %.1f s%n", nodes, locations, locations == 1 ? "" : "s",
                (System.nanoTime() - start) / 1e9);
        report("after enrolment");

        NodeTransport transport = new NodeTransport(ioThreads, NodeTransport.preferredProvider(), openingAtOnce,
                !http1);
        System.out.println("node transport: " + transport.describe());
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        long descriptors = Math.min(Descriptors.limit(ProcessHandle.current().pid()),
                managementPid > 0 ? Descriptors.limit(managementPid) : Long.MAX_VALUE);
        long keptAlive;
        if (http1) {
            // each node keeps its long-poll open, and its heartbeat connection too while the descriptors
            // both processes may hold allow (less a reserve for their own files and the API's clients);
            // the other nodes open one for each heartbeat (resuming the TLS session) and close it when answered
            keptAlive = Math.max(0, Math.min(nodes, descriptors - DESCRIPTOR_RESERVE - nodes - openingAtOnce));
            System.out.printf("open files allowed: %d; heartbeat connections: %s%n", descriptors, keptAlive == nodes
                    ? "kept alive" : keptAlive + " nodes keep theirs alive, the other " + (nodes - keptAlive)
                    + " open one per heartbeat, closed when answered");
        } else {
            // one connection per node, for good: its long-poll waits on it
            if (descriptors < nodes + DESCRIPTOR_RESERVE + openingAtOnce) {
                throw new CommandLine.ParameterException(new CommandLine(this), nodes + " nodes over HTTP/2 need "
                        + (nodes + DESCRIPTOR_RESERVE + openingAtOnce) + " open files in each process; " + descriptors
                        + " are allowed. Raise the limit or simulate fewer nodes.");
            }
            keptAlive = nodes;
            System.out.printf("open files allowed: %d; one connection per node, kept alive%n", descriptors);
        }
        List<SimulatedNode> fleet = new ArrayList<>();
        for (Fleet.Enrolled node : enrolled) {
            fleet.add(new SimulatedNode(transport, node.address(), node.port(), node.ca(), node.identity(),
                    fleet.size() >= keptAlive));
        }
        long revision = ChangeProbe.revision(admin);
        if (fleetHoldsConfiguration) {
            fleet.forEach(node -> node.holds(revision));
        }
        System.out.printf("the fleet starts %s%n", fleetHoldsConfiguration ? "holding revision " + revision
                + " (a reconnecting fleet with replicas on disk)" : "with no configuration (a fresh fleet)");
        // a fleet comes up over a while: all of it at one instant would queue every TLS handshake at once
        long fleetStart = System.nanoTime();
        for (int i = 0; i < fleet.size(); i++) {
            SimulatedNode node = fleet.get(i);
            timer.schedule(() -> {
                node.poll(timer);
                node.heartbeatPeriodically(timer);
            }, i * 1000L / startPerSecond, TimeUnit.MILLISECONDS);
        }
        // nodes that hold the current revision have nothing to receive: a change tells when each polls
        long awaited = revision;
        if (fleetHoldsConfiguration) {
            admin.patch(location, Map.of("description", "the fleet started"));
            awaited = ChangeProbe.revision(admin);
        }
        long target = awaited;
        ScheduledFuture<?> progress = timer.scheduleAtFixedRate(() -> System.out.printf(
                "  %.0f s: %d of %d nodes hold the configuration; handshakes %s; %d connections opening, %d waiting to%n",
                (System.nanoTime() - fleetStart) / 1e9, fleet.stream().filter(node -> node.revision() >= target).count(),
                nodes, transport.handshakes(), transport.openings().opening(), transport.openings().waiting()),
                30, 30, TimeUnit.SECONDS);
        ChangeProbe.awaitAll(fleet, target, 300 + nodes / 20);
        progress.cancel(false);
        System.out.printf("every node holds the configuration %.1f s after the fleet started; handshakes %s;"
                + " largest configuration answer %d kB%n", (System.nanoTime() - fleetStart) / 1e9,
                transport.handshakes(), fleet.stream().mapToInt(SimulatedNode::largestAnswer).max().orElse(0) / 1024);
        report("with every node polling and heartbeating");

        long simulator = ProcessHandle.current().pid();
        if (warmupChanges > 0) {
            ChangeProbe.Result warmup = ChangeProbe.measure(admin, fleet, location, warmupChanges);
            System.out.printf("warm-up: change -> received by all %d nodes, first %d changes (not measured below):"
                    + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", nodes, warmupChanges,
                    warmup.received().percentileMillis(0.50), warmup.received().percentileMillis(0.99),
                    warmup.received().percentileMillis(1.0));
            System.out.println("  per change, first node/last node, ms after it was sent: " + warmup.perChange());
        }
        long changeCpuBefore = ProcessCpu.millis(simulator);
        long changeWallBefore = System.nanoTime();
        ChangeProbe.Result changed = ChangeProbe.measure(admin, fleet, location, changes);
        LatencyRecorder latency = changed.received();
        System.out.printf("change -> received by all %d nodes, %d changes: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                nodes, changes, latency.percentileMillis(0.50), latency.percentileMillis(0.99),
                latency.percentileMillis(1.0));
        System.out.println("  per change, first node/last node, ms after it was sent: " + changed.perChange());
        System.out.printf("last node received -> \"all SYNCED\" in status/v1/worker_vm, %d changes: p50 %.0f ms,"
                + " max %.0f ms%n", changes, changed.synced().percentileMillis(0.50),
                changed.synced().percentileMillis(1.0));
        System.out.printf("simulator CPU meanwhile: %.2f cores%n",
                (ProcessCpu.millis(simulator) - changeCpuBefore) / 1000.0 / ((System.nanoTime() - changeWallBefore) / 1e9));
        System.out.println("handshakes so far: " + transport.handshakes());
        report("after the changes");
        if (scratch != null) {
            measureWrites(admin);
            report("after the writes");
        }

        fleet.forEach(SimulatedNode::stop);
        Thread.sleep(2000);
        AtomicLong answered = new AtomicLong();
        AtomicLong all = new AtomicLong();
        long cpuBefore = ProcessCpu.millis(managementPid);
        long simulatorCpuBefore = ProcessCpu.millis(simulator);
        long wallBefore = System.nanoTime();
        double rate = Saturation.run(fleet, saturateSeconds, answered, all);
        double cpuSeconds = (ProcessCpu.millis(managementPid) - cpuBefore) / 1000.0;
        double simulatorCpuSeconds = (ProcessCpu.millis(simulator) - simulatorCpuBefore) / 1000.0;
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        System.out.printf("heartbeats at saturation: %.0f/s (%d answered in %d s, %d nodes back to back)%n",
                rate, answered.get(), saturateSeconds, nodes);
        if (managementPid > 0) {
            System.out.printf("management CPU meanwhile: %.2f cores; %.0f heartbeats per management CPU-second%n",
                    cpuSeconds / wallSeconds, all.get() / cpuSeconds);
        }
        System.out.printf("simulator CPU meanwhile: %.2f cores (%d I/O thread%s)%n", simulatorCpuSeconds / wallSeconds,
                ioThreads, ioThreads == 1 ? "" : "s");
        System.out.println("handshakes so far: " + transport.handshakes());
        report("after saturation");
        if (echoPort > 0) {
            measureEcho(fleet, transport, rate);
        }
        timer.shutdownNow();
        transport.close();
        return 0;
    }

    /** The bare commit loop, then PATCH from several clients, as a ratio to it. */
    private void measureWrites(AdminApi admin) throws Exception {
        double limit = CommitLoop.run(scratch, 5);
        System.out.printf("bare SQLite commit loop (WAL, synchronous=FULL, one thread) on the data filesystem:"
                + " %.0f commits/s%n", limit);
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        if (warmupWriteSeconds > 0) {
            double warmup = WriteLoad.run(admin, writeClients, warmupWriteSeconds, failed, lastFailure);
            System.out.printf("warm-up: PATCH worker_vm, %d clients, first %d s (not measured below): %.0f writes/s%s%n",
                    writeClients, warmupWriteSeconds, warmup, failed.get() == 0 ? ""
                    : " (" + failed.get() + " failed, the last: " + lastFailure.get() + ")");
            failed.set(0);
        }
        double writes = WriteLoad.run(admin, writeClients, writeSeconds, failed, lastFailure);
        System.out.printf("PATCH worker_vm with %d nodes stored, %d clients: %.0f writes/s = %.2f x the bare commit"
                + " loop%s%n", nodes, writeClients, writes, writes / limit, failed.get() == 0 ? ""
                : " (" + failed.get() + " failed, the last: " + lastFailure.get() + ")");
    }

    /** The same fleet's heartbeats at saturation against the bare echo server, and the Management Node's as a ratio. */
    private void measureEcho(List<SimulatedNode> fleet, NodeTransport transport, double management) throws Exception {
        fleet.forEach(SimulatedNode::closeHeartbeats);
        Thread.sleep(2000);
        X509Certificate ca = Pem.readCertificates(Files.readString(echoCa)).get(0);
        List<Supplier<CompletableFuture<Integer>>> senders = new ArrayList<>();
        for (SimulatedNode node : fleet) {
            senders.add(node.heartbeatsTo(transport, "127.0.0.1", echoPort, ca));
        }
        AtomicLong answered = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        double echo = Saturation.runSenders(senders, saturateSeconds, answered, new AtomicLong(), failure);
        System.out.println("handshakes so far: " + transport.handshakes());
        System.out.printf("bare mutual-TLS echo server, same port setup and JVM options, same fleet: %.0f answers/s;"
                + " heartbeats at saturation = %.2f x it%s%n", echo, management / echo,
                failure.get() == null ? "" : " (some not answered, the last: " + failure.get() + ")");
    }

    private void report(String when) throws Exception {
        if (managementPid > 0) {
            String status = Files.readString(Path.of("/proc/" + managementPid + "/status"));
            String[] open = new File("/proc/" + managementPid + "/fd").list();
            System.out.printf("management RSS %s: %s MB (peak %s MB); %d open files%n", when,
                    kb(status, "VmRSS") / 1024, kb(status, "VmHWM") / 1024, open == null ? 0 : open.length);
        }
    }

    private static long kb(String status, String field) {
        return status.lines().filter(line -> line.startsWith(field + ":")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    }
}
