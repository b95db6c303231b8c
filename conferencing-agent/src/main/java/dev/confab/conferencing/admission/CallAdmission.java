package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.metrics.AgentMetrics;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.ReplicatedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A configured node's call admission, running: the {@link Admission} rules, the client API's
 * HTTPS listener, the node-to-node listener, and a sweep that ends calls whose tokens expired
 * (every second, by the injected clock). Start with {@link #start}, stop with {@link #close()}.
 * Thread-safe.
 */
public final class CallAdmission implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallAdmission.class);

    private final Admission admission;
    private final ScheduledExecutorService executor;
    private final ExecutorService senders;
    private final PeerServer peers;
    private final ClientApiServer clientApi;

    private CallAdmission(Admission admission, ScheduledExecutorService executor, ExecutorService senders,
                          PeerServer peers, ClientApiServer clientApi) {
        this.admission = admission;
        this.executor = executor;
        this.senders = senders;
        this.peers = peers;
        this.clientApi = clientApi;
    }

    /**
     * Starts admission for the node enrolled as {@code fqdn} with {@code identity}, listening on
     * {@code bind}; {@code replica} is the configuration it holds, {@code capacity} what it can
     * host, and {@code changed} is told of every change to its calls or load, to report it; the
     * node-to-node listener serves {@code metrics}, where the client API counts its admissions.
     */
    public static CallAdmission start(AdmissionConfig config, String bind, String fqdn, IssuedCertificate identity,
                                      X509Certificate ca, Supplier<ReplicatedConfig> replica,
                                      Supplier<Capacity> capacity, Clock clock, ManagementLink management,
                                      Runnable changed, AgentMetrics metrics) {
        ScheduledExecutorService executor = newExecutor();
        // one release request in flight per node: as many threads as nodes that have releases due
        ExecutorService senders = Executors.newCachedThreadPool(daemon("confab-releases-"));
        Admission admission = new Admission(replica, fqdn, capacity, clock, config.tokenLifetime(), management,
                new PeerClient(ca, identity), executor, senders, changed);
        PeerServer peers = null;
        ClientApiServer clientApi = null;
        try {
            peers = PeerServer.start(bind, config.nodePort(), identity, ca, admission, admission::peer, metrics);
            if (config.servesClientApi()) {
                clientApi = ClientApiServer.start(bind, config.clientApiPort(), identity, ca, admission,
                        new AdmissionCounts(metrics.registry()));
            }
        } catch (RuntimeException e) {
            if (peers != null) {
                peers.stop();
            }
            executor.shutdownNow();
            senders.shutdownNow();
            throw e;
        }
        executor.scheduleWithFixedDelay(() -> expireQuietly(admission), 1, 1, TimeUnit.SECONDS);
        LOG.info("Call admission: client API {}, node-to-node on https://{}:{}/ (mutual TLS)",
                clientApi == null ? "off" : "on https://" + bind + ":" + clientApi.port() + "/", bind, peers.port());
        return new CallAdmission(admission, executor, senders, peers, clientApi);
    }

    private static ScheduledExecutorService newExecutor() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, daemon("confab-admission-"));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void expireQuietly(Admission admission) {
        try {
            admission.expire();
        } catch (RuntimeException e) {
            LOG.error("Could not end the calls whose tokens expired; retrying in a second", e);
        }
    }

    public Admission admission() {
        return admission;
    }

    /** The client API's bound port; 0 when the node serves none. */
    public int clientApiPort() {
        return clientApi == null ? 0 : clientApi.port();
    }

    /** The node-to-node listener's bound port. */
    public int nodePort() {
        return peers.port();
    }

    /** Where the node's listeners are, as its heartbeats report them. */
    public Heartbeat.Endpoints endpoints() {
        return new Heartbeat.Endpoints(clientApiPort(), nodePort());
    }

    @Override
    public void close() {
        if (clientApi != null) {
            clientApi.stop();
        }
        peers.stop();
        executor.shutdownNow();
        senders.shutdownNow();
    }
}
