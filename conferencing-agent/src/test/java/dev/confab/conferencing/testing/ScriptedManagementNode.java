package dev.confab.conferencing.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.confab.conferencing.NodeData;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.NodeChannel;

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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Management Node's node channel that answers as the test scripts it: one {@link Answer} for
 * heartbeats and one for configuration polls, changeable at any time, each request counted and
 * stamped with the time of the clock given. Serves HTTPS on 127.0.0.1 with a certificate from its
 * own test CA, which also {@link #enrol enrols} nodes. Close to stop it. Thread-safe.
 */
public final class ScriptedManagementNode implements AutoCloseable {

    /** An answer to a request: status and JSON body. */
    public record Answer(int status, String body) {
    }

    /** The answer to a heartbeat of a node it does not know, as the Management Node gives it. */
    public static final Answer UNKNOWN = refusal(NodeChannel.UNKNOWN);
    /** The answer to a heartbeat of a node whose certificate was revoked. */
    public static final Answer REVOKED = refusal(NodeChannel.REVOKED);
    /** A heartbeat answer that sets a 100 ms interval. */
    public static final Answer FAST = interval(Duration.ofMillis(100));
    /** A server error. */
    public static final Answer BUSY = new Answer(503, "{\"error\": \"busy\", \"fields\": {}}");

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());

    private final HttpsServer server;
    private final Clock clock;
    private final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    private volatile Answer heartbeat = UNKNOWN;
    private volatile Answer config = UNKNOWN;

    private ScriptedManagementNode(HttpsServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Starts one on a free port; {@code clock} stamps the requests. Both paths answer {@link #UNKNOWN} at first. */
    public static ScriptedManagementNode start(Clock clock) throws IOException {
        KeyPair keys = KeyPairs.ecP256();
        X509Certificate certificate = CA.issue(CertificateRequest.create(keys, "127.0.0.1", List.of("127.0.0.1")).pem(),
                "127.0.0.1", List.of("127.0.0.1"), Duration.ofDays(1));
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsMaterial.serverContext(
                List.of(certificate, CA.certificate()), keys.getPrivate(), null)));
        ScriptedManagementNode node = new ScriptedManagementNode(server, clock);
        server.createContext(NodeChannel.HEARTBEAT, exchange -> node.answer(exchange, node.heartbeat));
        server.createContext(NodeChannel.CONFIG, exchange -> node.answer(exchange, node.config));
        server.start();
        return node;
    }

    /** A heartbeat answer that sets {@code interval}. */
    public static Answer interval(Duration interval) {
        return new Answer(200, "{\"intervalMillis\": " + interval.toMillis() + ", \"latestRevision\": 1,"
                + " \"locationLoad\": {}}");
    }

    private static Answer refusal(String node) {
        return new Answer(403, "{\"error\": \"certificate " + node + "\", \"fields\": {}, \"node\": \"" + node + "\"}");
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        requests.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new CopyOnWriteArrayList<>())
                .add(clock.instant());
        exchange.getRequestBody().readAllBytes();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Answers heartbeats with {@code answer} from now on. */
    public void answerHeartbeats(Answer answer) {
        heartbeat = answer;
    }

    /** Answers configuration polls with {@code answer} from now on. */
    public void answerPolls(Answer answer) {
        config = answer;
    }

    /** How many requests reached {@code path} ({@link NodeChannel#HEARTBEAT}, {@link NodeChannel#CONFIG}). */
    public int requests(String path) {
        return requestTimes(path).size();
    }

    /** When the requests to {@code path} came, by the clock given, in order. */
    public List<Instant> requestTimes(String path) {
        return List.copyOf(requests.getOrDefault(path, List.of()));
    }

    /** How many requests reached each path so far, for failure messages. */
    @Override
    public String toString() {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach((path, times) -> counts.put(path, times.size()));
        return "requests " + counts;
    }

    /**
     * Stores in {@code dir} a node enrolled as {@code fqdn} with this Management Node's CA, at its
     * address and port, as provisioning leaves it.
     */
    public NodeData enrol(Path dir, String fqdn) {
        KeyPair keys = KeyPairs.ecP256();
        X509Certificate certificate = CA.issue(CertificateRequest.create(keys, fqdn, List.of()).pem(), fqdn,
                List.of(fqdn), Duration.ofDays(1));
        NodeData data = NodeData.prepare(dir);
        data.save(keys.getPrivate(), certificate, CA.certificate(), "<file/>".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", server.getAddress().getPort());
        return data;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
