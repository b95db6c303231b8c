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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Management Node's node channel that answers as the test scripts it: one {@link Answer} for
 * heartbeats and one for configuration polls, changeable at any time, each request counted and
 * stamped with the time of the clock given, and the connection it came on noted. Serves HTTPS on
 * 127.0.0.1 with a certificate from its own test CA, which also {@link #enrol enrols} nodes. As a
 * Management Node that goes away and comes back, it can {@link #stop} and {@link #restart} on the
 * same port, and {@link #forgetConnections forget} the connections open now, dropping the next
 * request on each. Close to stop it. Thread-safe.
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
    /**
     * No answer: the connection the request came on is closed, as a kept-alive connection to a
     * Management Node that went away ends (the client reads end-of-stream instead of an answer).
     */
    public static final Answer DROP = new Answer(0, "");

    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", Clock.systemUTC());

    private final HttpsConfigurator tls;
    private final Clock clock;
    private final int port;
    private final Map<String, List<Instant>> requests = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> connections = new ConcurrentHashMap<>();
    private final Set<Integer> seen = ConcurrentHashMap.newKeySet();
    private final Set<Integer> forgotten = ConcurrentHashMap.newKeySet();
    private volatile HttpsServer server;
    private volatile ExecutorService handlers;
    private volatile CountDownLatch pollGate = new CountDownLatch(0);
    private volatile Answer heartbeat = UNKNOWN;
    private volatile Answer config = UNKNOWN;

    private ScriptedManagementNode(HttpsConfigurator tls, Clock clock) throws IOException {
        this.tls = tls;
        this.clock = clock;
        this.server = serve(0);
        this.port = server.getAddress().getPort();
    }

    /** Starts one on a free port; {@code clock} stamps the requests. Both paths answer {@link #UNKNOWN} at first. */
    public static ScriptedManagementNode start(Clock clock) throws IOException {
        KeyPair keys = KeyPairs.ecP256();
        X509Certificate certificate = CA.issue(CertificateRequest.create(keys, "127.0.0.1", List.of("127.0.0.1")).pem(),
                "127.0.0.1", List.of("127.0.0.1"), Duration.ofDays(1));
        return new ScriptedManagementNode(new HttpsConfigurator(TlsMaterial.serverContext(
                List.of(certificate, CA.certificate()), keys.getPrivate(), null)), clock);
    }

    private HttpsServer serve(int onPort) throws IOException {
        HttpsServer started = HttpsServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        started.setHttpsConfigurator(tls);
        started.createContext(NodeChannel.HEARTBEAT, exchange -> answer(exchange, heartbeat));
        started.createContext(NodeChannel.CONFIG, exchange -> answer(exchange, config));
        handlers = Executors.newCachedThreadPool(); // a held poll does not hold up a heartbeat
        started.setExecutor(handlers);
        started.start();
        return started;
    }

    /** The port it serves on, across restarts. */
    public int port() {
        return port;
    }

    /** Stops serving, closing every connection: calls are refused until {@link #restart}. */
    public void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Serves again on the same port, with the same answers, after {@link #stop}. */
    public void restart() throws IOException {
        server = serve(port);
    }

    /** A heartbeat answer that sets {@code interval}. */
    public static Answer interval(Duration interval) {
        return new Answer(200, "{\"intervalMillis\": " + interval.toMillis() + ", \"latestRevision\": 1,"
                + " \"locationLoad\": {}}");
    }

    private static Answer refusal(String node) {
        return new Answer(403, "{\"error\": \"certificate " + node + "\", \"fields\": {}, \"node\": \"" + node + "\"}");
    }

    private void awaitGate() {
        try {
            pollGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange, Answer answer) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int connection = exchange.getRemoteAddress().getPort();
        requests.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(clock.instant());
        connections.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(connection);
        seen.add(connection);
        exchange.getRequestBody().readAllBytes();
        if (path.equals(NodeChannel.CONFIG)) {
            awaitGate();
        }
        if (answer == DROP || forgotten.remove(connection)) {
            exchange.close(); // before any answer: the server closes the connection
            return;
        }
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

    /** Holds each poll from now on until {@code gate} opens, as the Management Node holds a poll until a change. */
    public void holdPolls(CountDownLatch gate) {
        pollGate = gate;
    }

    /**
     * Forgets every connection a request came on so far, as a Management Node that restarted has
     * none of them: the next request on each is {@link #DROP dropped}, while the client still holds
     * the connection as kept alive. Requests on new connections are answered as scripted.
     */
    public void forgetConnections() {
        forgotten.addAll(seen);
    }

    /** How many requests reached {@code path} ({@link NodeChannel#HEARTBEAT}, {@link NodeChannel#CONFIG}). */
    public int requests(String path) {
        return requestTimes(path).size();
    }

    /** When the requests to {@code path} came, by the clock given, in order. */
    public List<Instant> requestTimes(String path) {
        return List.copyOf(requests.getOrDefault(path, List.of()));
    }

    /**
     * The connection each request to {@code path} came on, in order, as the client's port: requests
     * on one kept-alive connection share it, a request on a new connection has a new one.
     */
    public List<Integer> connections(String path) {
        return List.copyOf(connections.getOrDefault(path, List.of()));
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
                "127.0.0.1", port);
        return data;
    }

    @Override
    public void close() {
        stop();
    }
}
