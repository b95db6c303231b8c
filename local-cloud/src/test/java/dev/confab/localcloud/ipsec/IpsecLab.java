package dev.confab.localcloud.ipsec;

import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two hosts on one machine: network namespaces joined by a veth pair (203.0.113.1/24 and
 * 203.0.113.2/24), each with its own charon ({@link LabHost}), and a small link from this namespace
 * to each, with a /32 route to its address, so the test can reach the agents' HTTPS ports without
 * touching the link between them. The addresses are TEST-NET-3 rather than TEST-NET-1 because CI
 * machines may themselves sit in 192.0.2.0/24 (this project's do), and routes to the lab must not
 * divert this machine's own traffic; the lab refuses to start when this machine uses either range.
 * Names are unique per run. Skips the tests, saying why, unless run as root with strongSwan,
 * tcpdump and /dev/net/tun. Brings everything down after the tests, also when they fail: it stops
 * only the processes it started and deletes only the namespaces it made.
 */
public final class IpsecLab implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    static final String MANAGEMENT_ADDRESS = "203.0.113.1";
    static final String NODE_ADDRESS = "203.0.113.2";
    private static final List<String> LAB_RANGES = List.of("203.0.113.", "198.51.100.");

    private final String suffix = HexFormat.of().formatHex(randomBytes(3));
    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final Map<LabHost, Process> charons = new java.util.HashMap<>();
    private ConditionEvaluationResult condition;
    private Path dir;
    private LabHost management;
    private LabHost node;

    @Override
    public synchronized ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // decided once, for the class: by the time its methods are evaluated the lab itself uses the ranges
        if (condition == null) {
            condition = evaluate(context);
        }
        return condition;
    }

    private static ConditionEvaluationResult evaluate(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        for (String program : List.of("ip", "tcpdump", "swanctl", "charon")) {
            if (!Commands.installed(program)) {
                missing.add(program);
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            missing.add("/dev/net/tun");
        }
        String reason = !"root".equals(System.getProperty("user.name"))
                ? "IPsec tests need root (network namespaces, charon); run .ci/run as root"
                : !missing.isEmpty() ? "IPsec tests need " + String.join(", ", missing)
                + " (apt-get install strongswan-charon strongswan-swanctl libcharon-extra-plugins"
                + " libstrongswan-standard-plugins tcpdump)"
                : rangeInUse();
        if (reason == null) {
            reason = namespacesRefused();
        }
        if (reason == null) {
            return ConditionEvaluationResult.enabled("root, strongSwan and tcpdump present");
        }
        System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Why this machine cannot make network namespaces (a container without the rights), or null. */
    private static String namespacesRefused() {
        String probe = "confab-probe-" + ProcessHandle.current().pid();
        Commands.Result added = Commands.run(List.of("ip", "netns", "add", probe));
        if (added.exit() != 0) {
            return "IPsec tests need network namespaces, which this machine refuses: " + added.output().strip();
        }
        Commands.run(List.of("ip", "netns", "delete", probe));
        return null;
    }

    /** Why the lab cannot route to its addresses from here, or null when it can. */
    private static String rangeInUse() {
        String addresses = Commands.run(List.of("ip", "-o", "addr")).output()
                + Commands.run(List.of("ip", "route")).output();
        return LAB_RANGES.stream()
                .filter(range -> addresses.contains(" " + range) || addresses.contains("\n" + range))
                .findFirst()
                .map(range -> "this machine already uses " + range + "0/24, which the IPsec lab routes to")
                .orElse(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createDirectories(Path.of("target", "ipsec-lab-" + suffix).toAbsolutePath());
        management = new LabHost("cfm" + suffix, MANAGEMENT_ADDRESS, "cfm" + suffix, dir.resolve("management"));
        node = new LabHost("cfn" + suffix, NODE_ADDRESS, "cfn" + suffix, dir.resolve("node"));
        // two /30s of TEST-NET-2 for the links from here
        int base = 8 * new SecureRandom().nextInt(32);
        for (LabHost host : List.of(management, node)) {
            Commands.require(List.of("ip", "netns", "add", host.namespace()));
            namespaces.add(host.namespace());
            Commands.require(host.inside(List.of("ip", "link", "set", "lo", "up")));
        }
        Commands.require(List.of("ip", "link", "add", management.link(), "netns", management.namespace(), "type",
                "veth", "peer", "name", node.link(), "netns", node.namespace()));
        for (LabHost host : List.of(management, node)) {
            Commands.require(host.inside(List.of("ip", "addr", "add", host.address() + "/24", "dev", host.link())));
            Commands.require(host.inside(List.of("ip", "link", "set", host.link(), "up")));
            linkFromHere(host, base);
            base += 4;
            host.writeStrongswanConf();
            startCharon(host);
        }
    }

    /** A veth from this namespace into {@code host}'s and a /32 route to its address through it. */
    private void linkFromHere(LabHost host, int base) {
        String here = "198.51.100." + (base + 1);
        String there = "198.51.100." + (base + 2);
        String outer = "x" + host.link();
        Commands.require(List.of("ip", "link", "add", outer, "type", "veth", "peer", "name", "y" + host.link(),
                "netns", host.namespace()));
        Commands.require(List.of("ip", "addr", "add", here + "/30", "dev", outer));
        Commands.require(List.of("ip", "link", "set", outer, "up"));
        Commands.require(host.inside(List.of("ip", "addr", "add", there + "/30", "dev", "y" + host.link())));
        Commands.require(host.inside(List.of("ip", "link", "set", "y" + host.link(), "up")));
        Commands.require(List.of("ip", "route", "add", host.address() + "/32", "via", there));
    }

    /** Starts {@code host}'s charon, stopping the one it had (and with it every SA), and waits for its vici socket. */
    public void startCharon(LabHost host) throws Exception {
        Process previous = charons.remove(host);
        if (previous != null) {
            stop(previous);
        }
        Path socket = host.dir().resolve("charon.vici");
        Files.deleteIfExists(socket);
        Process charon = start(host.charonCommand(), host.environment(), host.dir().resolve("charon.out"));
        charons.put(host, charon);
        Path out = host.dir().resolve("charon.out");
        Await.atMost(Duration.ofSeconds(20)).whileAlive(charon).showing(() -> Files.readString(out))
                .until("the vici socket of charon in " + host.namespace(), () -> Files.exists(socket));
    }

    /** Starts {@code command} (already wrapped for a namespace, if it needs one) and records it for teardown. */
    public synchronized Process start(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Stops one recorded process: SIGTERM, then SIGKILL after 10 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<Process> started;
        synchronized (this) {
            started = new ArrayList<>(processes);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            stop(started.get(i));
        }
        // deleting a namespace deletes the veths in it, their peers here and the routes through them
        for (String namespace : namespaces) {
            Commands.run(List.of("ip", "netns", "del", namespace));
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public LabHost management() {
        return management;
    }

    public LabHost node() {
        return node;
    }

    public Path dir() {
        return dir;
    }
}
