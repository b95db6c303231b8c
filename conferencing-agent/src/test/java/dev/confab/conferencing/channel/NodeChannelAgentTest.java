package dev.confab.conferencing.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.confab.conferencing.ConferencingException;
import dev.confab.conferencing.NodeData;
import dev.confab.conferencing.cloud.InstanceType;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's side of a refusal, against a scripted Management Node: told unknown, it enrols again
 * exactly once per "unknown" answer; a refused re-enrolment or a revoked certificate stops it for
 * good; an undecided re-enrolment or a server error changes nothing and the loops go on.
 */
class NodeChannelAgentTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());
    private static final String UNKNOWN = refusalBody(NodeChannel.UNKNOWN);
    private static final String REVOKED = refusalBody(NodeChannel.REVOKED);
    private static final String FAST = "{\"intervalMillis\": 100, \"latestRevision\": 1, \"locationLoad\": {}}";

    /** What the scripted Management Node answers to a request on a path: status and body. */
    private record Answer(int status, String body) {
    }

    private HttpsServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile Answer heartbeat = new Answer(403, UNKNOWN);
    private volatile Answer config = new Answer(403, UNKNOWN);
    private NodeChannelAgent agent;

    @TempDir
    Path dir;

    private static String refusalBody(String node) {
        return "{\"error\": \"certificate " + node + "\", \"fields\": {}, \"node\": \"" + node + "\"}";
    }

    @BeforeEach
    void startManagementNode() throws IOException {
        KeyPair keys = KeyPairs.ecP256();
        X509Certificate certificate = CA.issue(CertificateRequest.create(keys, "127.0.0.1", List.of("127.0.0.1")).pem(),
                "127.0.0.1", List.of("127.0.0.1"), Duration.ofDays(1));
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(dev.confab.shared.pki.TlsMaterial.serverContext(
                List.of(certificate, CA.certificate()), keys.getPrivate(), null)));
        server.createContext(NodeChannel.HEARTBEAT, exchange -> answer(exchange, heartbeat));
        server.createContext(NodeChannel.CONFIG, exchange -> answer(exchange, config));
        server.start();
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        requests.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        server.stop(0);
    }

    /** Starts the channel of a node enrolled with the test CA, with {@code reenrolment}. */
    private NodeChannelAgent start(NodeChannelAgent.Reenrolment reenrolment) {
        KeyPair keys = KeyPairs.ecP256();
        X509Certificate certificate = CA.issue(CertificateRequest.create(keys, "cn1.example.com", List.of()).pem(),
                "cn1.example.com", List.of("cn1.example.com"), Duration.ofDays(1));
        NodeData data = NodeData.prepare(dir.resolve("node"));
        data.save(keys.getPrivate(), certificate, CA.certificate(), "<file/>".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", server.getAddress().getPort());
        agent = NodeChannelAgent.start(data, "cn1.example.com", Clock.systemUTC(), List.of(), InstanceType.none(),
                reenrolment);
        return agent;
    }

    private int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    @Test
    void toldUnknownTheNodeEnrolsAgainOnceAndStopsItsLoopsForTheRestart() throws Exception {
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });

        Map<String, Object> status = await("the re-enrolment", () -> {
            Map<String, Object> now = agent.status();
            return String.valueOf(now.get("re_enrolment")).contains("restarting") ? now : null;
        });

        assertEquals("enrolled again with certificate 5eed; restarting", status.get("re_enrolment"));
        assertEquals(false, status.get("reporting"));
        assertNull(status.get("refusal"));
        // both loops were told unknown or stopped; either way there was one attempt
        assertOneAttemptAndNoMoreCalls(reenrolments);
    }

    @Test
    void aRefusedReenrolmentStopsTheNodeWithTheReason() throws Exception {
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            throw new ConferencingException("The Management Node refused the enrolment: The enrolment token was"
                    + " already used.");
        });

        Map<String, Object> status = await("the refusal", () -> agent.status().get("refusal") == null ? null
                : agent.status());

        String refusal = status.get("refusal").toString();
        assertTrue(refusal.startsWith("The Management Node refused this node: certificate unknown"), refusal);
        assertTrue(refusal.contains("Enrolling again with the token of the stored configuration file failed: The"
                + " Management Node refused the enrolment: The enrolment token was already used."), refusal);
        assertEquals(false, status.get("reporting"));
        assertEquals("refused", status.get("re_enrolment"));
        assertOneAttemptAndNoMoreCalls(reenrolments);
    }

    @Test
    void aRevokedCertificateStopsTheNodeWithoutEnrollingAgain() throws Exception {
        heartbeat = new Answer(403, REVOKED);
        config = new Answer(403, REVOKED);
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });

        Map<String, Object> status = await("the refusal", () -> agent.status().get("refusal") == null ? null
                : agent.status());

        assertEquals("The Management Node refused this node: certificate revoked", status.get("refusal"));
        assertNull(status.get("re_enrolment"));
        assertEquals(0, reenrolments.get());
    }

    @Test
    void anUndecidedReenrolmentKeepsTheCertificateAndTriesAgainOnlyWhenToldUnknownAgain() throws Exception {
        heartbeat = new Answer(200, FAST);
        config = new Answer(503, "{\"error\": \"busy\", \"fields\": {}}");
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            if (reenrolments.incrementAndGet() == 1) {
                throw new EnrolmentUnansweredException("The Management Node failed to answer the enrolment (HTTP"
                        + " 503).", null);
            }
            return "5eed";
        });
        await("a heartbeat that sets a short interval", () -> agent.status().get("last_contact"));
        heartbeat = new Answer(403, UNKNOWN);

        await("the second re-enrolment", () -> String.valueOf(agent.status().get("re_enrolment"))
                .contains("restarting") ? true : null);

        // the first attempt was undecided: the loops went on, and only the next "unknown" answer tried again
        assertEquals(2, reenrolments.get());
        assertTrue(requests(NodeChannel.HEARTBEAT) >= 3, requests.toString());
    }

    @Test
    void serverErrorsAreRetriedAtTheIntervalWithoutEnrollingAgain() throws Exception {
        heartbeat = new Answer(200, FAST);
        config = new Answer(503, "{\"error\": \"busy\", \"fields\": {}}");
        AtomicInteger reenrolments = new AtomicInteger();
        start(() -> {
            reenrolments.incrementAndGet();
            return "5eed";
        });
        await("a heartbeat that sets a short interval", () -> agent.status().get("last_contact"));
        heartbeat = new Answer(500, "{\"error\": \"Internal error\", \"fields\": {}}");
        int before = requests(NodeChannel.HEARTBEAT);

        await("heartbeats retried", () -> requests(NodeChannel.HEARTBEAT) >= before + 5 ? true : null);

        assertEquals(0, reenrolments.get());
        assertEquals(true, agent.status().get("reporting"));
        assertNull(agent.status().get("refusal"));
    }

    /** One re-enrolment, and the loops stay stopped: no call reaches the Management Node any more. */
    private void assertOneAttemptAndNoMoreCalls(AtomicInteger reenrolments) throws InterruptedException {
        int calls = requests(NodeChannel.HEARTBEAT) + requests(NodeChannel.CONFIG);
        Thread.sleep(500);
        assertEquals(1, reenrolments.get());
        assertEquals(calls, requests(NodeChannel.HEARTBEAT) + requests(NodeChannel.CONFIG));
    }

    private static <T> T await(String what, Callable<T> probe) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
