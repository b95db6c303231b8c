package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.shared.testing.FreePort;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.testing.Await;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.confab.localcloud.testing.ChannelPlatform.CONFIG;
import static dev.confab.localcloud.testing.ChannelPlatform.HISTORY;
import static dev.confab.localcloud.testing.ChannelPlatform.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery after an outage of the Management Node, across real processes: it is killed (SIGKILL),
 * the nodes notice, and it is started again on the same data directory and ports. Within 2 s of its
 * API answering again every node is SYNCED with a fresh "last contacted", and the alarm
 * "Connectivity lost between nodes" raised before the outage is cleared.
 *
 * <p>The heartbeat interval is 5 s: short enough for the alarm (3 intervals) to be raised within
 * the test, and 2.5 times the 2 s allowed, so that only the node's own retries meet it — a node
 * that tried again only at its interval would be heard up to 5.5 s after the Management Node came
 * back. A dead Management Node raises no alarm, and a restarted one gives every node 3 intervals
 * from its start; so the alarm open at the restart is one raised before the outage, for a node
 * stopped (SIGSTOP) for 3 intervals and let go on (SIGCONT) once the Management Node is dead.
 */
@Timeout(300)
class ReconvergenceIT {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration ALLOWED = Duration.ofSeconds(2);
    private static final String PASSWORD = "s3cret-for-test";

    private final ChildProcesses children = new ChildProcesses();
    private Path dir;
    private int httpsPort;
    private int nodePort;
    private Process management;
    private ManagementClient api;

    /** A node started unconfigured, given its file, and restarted by its supervisor into configured mode. */
    private record Node(String name, Path data, Path log, ChildProcesses.Supervised process) {
        long pid() {
            return process.current().pid();
        }
    }

    @AfterEach
    void stopChildren() throws IOException {
        children.stopAll();
        if (System.getProperty("confab.keep") != null && dir != null) {
            Path keep = Files.createDirectories(Path.of(System.getProperty("confab.keep")));
            try (var files = Files.list(dir)) {
                for (Path log : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.copy(log, keep.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void everyNodeIsSyncedAndNoAlarmIsOpenWithinTwoSecondsOfARestartedManagementNodeAnswering(@TempDir Path dir)
            throws Exception {
        this.dir = dir;
        httpsPort = FreePort.on("127.0.0.1");
        nodePort = FreePort.on("127.0.0.1");
        Files.writeString(dir.resolve("password"), PASSWORD);

        // Given a Management Node and two nodes reporting to it
        startManagement("management.log");
        String location = api.post(CONFIG + "system_location/", Map.of("name", "Reconvergence"))
                .get("resource_uri").asText();
        Node healthy = provision("rc-cn1", "127.0.1.101", location);
        Node silent = provision("rc-cn2", "127.0.1.102", location);
        for (Node node : List.of(healthy, silent)) {
            await(node.name() + " synced", Duration.ofSeconds(90), () -> synced(status(node), Instant.EPOCH));
        }

        // and the alarm raised for one of them, silent for 3 intervals
        signal("STOP", silent.pid());
        long[] logged;
        try {
            await("the alarm for " + silent.name(), INTERVAL.multipliedBy(3).plusSeconds(15),
                    () -> alarms(silent).isEmpty() ? null : true);

            // When the Management Node is killed, and the nodes, both running, notice
            logged = new long[] {size(healthy.log()), size(silent.log())};
            signal("KILL", management.pid());
            assertTrue(management.waitFor(10, TimeUnit.SECONDS));
        } finally {
            signal("CONT", silent.pid());
        }
        awaitLogged(healthy, logged[0], "Heartbeat failed");
        awaitLogged(healthy, logged[0], "Cannot reach the Management Node for configuration");
        awaitLogged(silent, logged[1], "Heartbeat failed");
        awaitLogged(silent, logged[1], "Cannot reach the Management Node for configuration");
        Thread.sleep(INTERVAL.toMillis()); // an outage longer than an interval: heartbeats missed their time

        // and it is started again on the same data directory and ports
        Instant started = Instant.now();
        CompletableFuture<Instant> channel = CompletableFuture.supplyAsync(() -> firstNodeChannelAnswer(healthy));
        management = children.startOnce(arguments(), dir.resolve("management-again.log"));
        Instant answered = firstApiAnswer();

        // Then within 2 s of its first answer both nodes are SYNCED, contacted since its start, and no alarm is open
        await("both nodes synced and the alarm cleared", Duration.ofSeconds(30), () ->
                synced(status(healthy), started) != null && synced(status(silent), started) != null
                        && api.get(STATUS + "alarm/").get("objects").isEmpty() ? true : null);
        Instant converged = Instant.now();
        Instant channelAnswered = channel.get(30, TimeUnit.SECONDS);
        // its first answer: of the API, as an operator sees it, or of the node channel, should that come first
        Instant back = channelAnswered.isBefore(answered) ? channelAnswered : answered;
        Duration afterAnswer = Duration.between(back, converged);
        System.out.println("ReconvergenceIT: heartbeat interval " + INTERVAL.toMillis() + " ms; the restarted"
                + " Management Node's API first answered " + millis(started, answered) + " ms and its node channel "
                + millis(started, channelAnswered) + " ms after its start; both nodes SYNCED and no alarm open "
                + millis(answered, converged) + " ms after the API's first answer, "
                + millis(channelAnswered, converged) + " ms after the node channel's");
        assertTrue(afterAnswer.compareTo(ALLOWED) <= 0, "reconverged " + afterAnswer.toMillis() + " ms after the"
                + " Management Node answered again, more than " + ALLOWED.toMillis() + " ms");
        JsonNode history = api.get(HISTORY + "alarm/?node=" + silent.name()).get("objects");
        assertEquals(1, history.size(), history.toString());
        assertFalse(history.get(0).get("time_cleared").isNull(), history.toString());
    }

    private List<String> arguments() {
        return List.of("management-agent", "--data", dir.resolve("management").toString(), "--bind", "127.0.0.1",
                "--https-port", Integer.toString(httpsPort), "--node-port", Integer.toString(nodePort),
                "--admin-password-file", dir.resolve("password").toString(),
                "--heartbeat-interval-ms", Long.toString(INTERVAL.toMillis()));
    }

    private void startManagement(String log) throws Exception {
        // unsupervised: killed, it stays down until this test starts it again
        management = children.startOnce(arguments(), dir.resolve(log));
        api = ManagementClient.await(baseUrl(), certificate(), "admin", PASSWORD, management, Duration.ofSeconds(90),
                dir.resolve(log));
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + httpsPort + "/";
    }

    private Path certificate() {
        return dir.resolve("management").resolve("pki/https-selfsigned.crt");
    }

    /** When the restarted Management Node's API first answers, asked every 20 ms. */
    private Instant firstApiAnswer() throws Exception {
        ManagementClient client = new ManagementClient(baseUrl(), certificate(), "admin", PASSWORD);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                client.get(STATUS + "worker_vm/");
                return Instant.now();
            } catch (IOException e) {
                assertTrue(management.isAlive(), "the Management Node stopped: " + e);
                Thread.sleep(20);
            }
        }
        throw new AssertionError("The restarted Management Node did not answer within 90 s");
    }

    /**
     * When the restarted Management Node's node channel first answers an HTTP request (any status),
     * asked every 20 ms over mutual TLS with {@code node}'s certificate, for a path that is no call.
     */
    private Instant firstNodeChannelAnswer(Node node) {
        try {
            SSLContext tls = TlsMaterial.clientContext(Pem.readCertificates(Files.readString(node.data()
                    .resolve("ca.crt"))).get(0), new IssuedCertificate(Pem.readCertificates(Files.readString(
                    node.data().resolve("node.crt"))).get(0), Pem.readPrivateKey(Files.readString(node.data()
                    .resolve("node.key")), null)));
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", nodePort), 1000);
                    socket.setSoTimeout(5000);
                    socket.getOutputStream().write(("GET /node/v1/reconvergence-probe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    if (new String(socket.getInputStream().readNBytes(8), StandardCharsets.US_ASCII)
                            .startsWith("HTTP/1.1")) {
                        return Instant.now();
                    }
                } catch (IOException e) {
                    // not listening, or not serving yet
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("The restarted Management Node's node channel did not answer within 90 s");
    }

    private Node provision(String name, String address, String location) throws Exception {
        Map<String, Object> request = new HashMap<>(DemoNodes.nodeRequest(name, address, location));
        ManagementClient.Download file = api.postForFile(CONFIG + "worker_vm/", request);
        int port = FreePort.on(address);
        Path data = dir.resolve(name);
        Path root = Files.createDirectories(dir.resolve(name + "-root"));
        Path log = dir.resolve(name + ".log");
        ChildProcesses.Supervised process = children.startSupervised(List.of("conferencing-agent", "--data",
                data.toString(), "--system-root", root.toString(), "--bind", address, "--provisioning-port",
                Integer.toString(port), "--client-api-port", Integer.toString(FreePort.on(address)), "--node-port",
                Integer.toString(FreePort.on(address))), log);
        NodeUploadClient.Answer answer = DemoNodes.awaitUploadPage(address, port, data, Duration.ofSeconds(90))
                .upload(file.fileName(), file.content());
        assertEquals(200, answer.status(), answer.body());
        return new Node(name, data, log, process);
    }

    private JsonNode status(Node node) throws Exception {
        return api.get(STATUS + "worker_vm/?name=" + node.name()).get("objects").get(0);
    }

    /** The status when SYNCED and last contacted after {@code since}; else null. */
    private static JsonNode synced(JsonNode status, Instant since) {
        JsonNode contact = status.get("last_attempted_contact");
        if (!status.get("sync_status").asText().equals("SYNCED") || contact.isNull()) {
            return null;
        }
        return LocalDateTime.parse(contact.asText()).toInstant(ZoneOffset.UTC).isAfter(since) ? status : null;
    }

    private JsonNode alarms(Node node) throws Exception {
        return api.get(STATUS + "alarm/?node=" + node.name()).get("objects");
    }

    /** Waits until the node's log says {@code text} after the Management Node was killed. */
    private void awaitLogged(Node node, long from, String text) throws Exception {
        await(node.name() + " logging \"" + text + "\"", Duration.ofSeconds(30), () -> {
            byte[] log = Files.readAllBytes(node.log());
            return new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8).contains(text)
                    ? true : null;
        });
    }

    private static long size(Path file) throws IOException {
        return Files.size(file);
    }

    /** Sends {@code signal} (KILL, STOP, CONT) to the process {@code pid} this test started. */
    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static <T> T await(String what, Duration timeout, Callable<T> probe)
            throws InterruptedException {
        return Await.atMost(timeout).until(what, probe);
    }
}
