package dev.confab.management.calls;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.CallsDao;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.IssuedCertificate;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.wire.Disconnect;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.LocationLoad;
import dev.confab.shared.wire.NodeChannel;
import dev.confab.shared.wire.ParticipantList;
import dev.confab.shared.wire.ParticipantReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Calls on the Management Node: the {@link CallLedger} that grants licences and counts every call,
 * the {@link LoadView} answered to nodes, the {@link CallRecorder} that keeps status and history in
 * the store (written within 50 ms of a change, and at least every second), and the commands that
 * disconnect calls through the nodes that signal them. Start with {@link #start}, stop with
 * {@link #close()}. Thread-safe.
 */
public final class Calls implements Licensing, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);
    private static final Duration WRITE_DELAY = Duration.ofMillis(50);
    /** How long an ended generation is answered to nodes, in heartbeat intervals: well past a lost node's silence. */
    private static final int ENDED_KEPT_INTERVALS = 10;

    private final ConfigurationService configuration;
    private final Clock clock;
    private volatile PlatformConfig platform;
    private volatile boolean platformStale;
    private final CallLedger ledger;
    private final CallFlow flow;
    private final LoadView view;
    private final CallRecorder recorder;
    private final Supplier<CertificateAuthority> authority;
    private volatile NodeCaller caller;
    private final LongFunction<Optional<NodeReport>> reports;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-calls-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    private Calls(ConfigurationService configuration, Clock clock, Duration heartbeat,
                  Supplier<CertificateAuthority> authority, LongFunction<Optional<NodeReport>> reports) {
        this.configuration = configuration;
        this.clock = clock;
        this.platform = PlatformConfig.read(configuration);
        this.flow = new CallFlow(clock);
        this.ledger = new CallLedger(clock, () -> LicenceTotals.of(platform().licences(), clock.instant()),
                maximum(heartbeat.multipliedBy(ENDED_KEPT_INTERVALS), Duration.ofMinutes(1)), flow);
        this.view = new LoadView(this::platform, reports);
        this.recorder = new CallRecorder(configuration, ledger, this::platform, clock);
        this.authority = authority;
        this.reports = reports;
    }

    /**
     * Starts with no call counted (the nodes' reports bring them), clearing the calls in progress the
     * store holds; calls nodes with a certificate the platform's {@code authority} issues when first
     * needed; reads the nodes' latest reports from {@code reports}.
     */
    public static Calls start(ConfigurationService configuration, Clock clock, Duration heartbeat,
                              Supplier<CertificateAuthority> authority, LongFunction<Optional<NodeReport>> reports) {
        Calls calls = new Calls(configuration, clock, heartbeat, authority, reports);
        calls.recorder.clear();
        calls.writer.scheduleWithFixedDelay(calls::writeQuietly, 1, 1, TimeUnit.SECONDS);
        return calls;
    }

    private NodeCaller caller() {
        NodeCaller made = caller;
        if (made == null) {
            synchronized (this) {
                if (caller == null) {
                    CertificateAuthority ca = authority.get();
                    caller = new NodeCaller(ca.certificate(), identity(ca));
                }
                made = caller;
            }
        }
        return made;
    }

    private static IssuedCertificate identity(CertificateAuthority authority) {
        KeyPair keys = KeyPairs.ecP256();
        String csr = CertificateRequest.create(keys, NodeChannel.MANAGEMENT_COMMON_NAME, List.of()).pem();
        return new IssuedCertificate(authority.issue(csr, NodeChannel.MANAGEMENT_COMMON_NAME, List.of(),
                Duration.ofDays(825)), keys.getPrivate());
    }

    private static Duration maximum(Duration first, Duration second) {
        return first.compareTo(second) >= 0 ? first : second;
    }

    /**
     * After every committed change of nodes, locations, conferences or licences: they are read again
     * when next needed, so a burst of changes costs one read.
     */
    public void configurationChanged() {
        platformStale = true;
    }

    private PlatformConfig platform() {
        if (platformStale) {
            synchronized (this) {
                if (platformStale) {
                    // cleared first: a change committed during the read marks it stale again
                    platformStale = false;
                    platform = PlatformConfig.read(configuration);
                }
            }
        }
        return platform;
    }

    /**
     * Takes in the calls a heartbeat reports and completes the monitor's {@code answer} with the ended
     * generations and whether the node's own had ended. (Its calls are placed on the load a licence
     * answer carries, read when it asks: a heartbeat answer sums no location, whose cost would grow with
     * the location's nodes on every heartbeat.)
     */
    public HeartbeatAnswer heartbeat(long nodeId, String nodeName, Heartbeat heartbeat, HeartbeatAnswer answer) {
        // the name the channel knows the node by: re-reading the platform here would cost every
        // heartbeat after each change a read of every node
        boolean declaredLost = ledger.report(nodeId, nodeName, heartbeat.calls());
        changed();
        return new HeartbeatAnswer(answer.intervalMillis(), answer.latestRevision(), answer.locationLoad(),
                ledger.ended(), declaredLost);
    }

    /** A licence for one call of node {@code nodeId}, with the load of the locations it asks for. */
    public LicenceAnswer licence(long nodeId, LicenceRequest request) {
        CallLedger.Grant grant = ledger.licence(nodeId, name(nodeId), request);
        if (grant.granted()) {
            changed();
        }
        return new LicenceAnswer(grant.granted(), grant.refusal(), grant.granted()
                ? view.forPlacement(request.locations(), request.participant().conference()) : List.of());
    }

    /** The participants of {@code conference} on the whole platform, as the nodes last reported them. */
    public ParticipantList participants(String conference) {
        return new ParticipantList(ledger.entries(entry -> entry.report().conference().equals(conference)
                && entry.report().placed()).stream().map(LedgerEntry::report).toList());
    }

    /** Node {@code nodeId} was declared lost: its calls end. */
    public void nodeLost(long nodeId) {
        ledger.nodeLost(nodeId);
        changed();
    }

    /** Node {@code nodeId} was deleted: its calls end and it is forgotten. */
    public void forget(long nodeId) {
        ledger.forget(nodeId);
        changed();
    }

    @Override
    public LicensingStatus licensing() {
        return ledger.licensing();
    }

    /** The calls admitted and ended lately, by signalling node. */
    public CallFlow flow() {
        return flow;
    }

    /**
     * The load of every location now, in name order: capacity and tokens in use of its reachable
     * nodes, and its free HD calls, as the nodes last reported them. Read from memory.
     */
    public List<LocationLoad> locationLoads() {
        return view.all();
    }

    /** Every call in progress (placed), as the nodes last reported them. */
    public List<ParticipantReport> placed() {
        return ledger.entries(entry -> entry.report().placed()).stream().map(LedgerEntry::report).toList();
    }

    /**
     * Disconnects one participant, named by its participant id (the client API's
     * {@code participant_uuid}) or by its {@code status/participant} id: the node that signals the
     * call ends it. Returns the participant ids disconnected; throws {@link NotFoundException} when
     * no call in progress is named so, {@link CallsException} when the node does not answer.
     */
    public List<String> disconnectParticipant(String id, Actor actor) {
        String uuid = numeric(id).flatMap(number -> configuration.read(transaction -> transaction.dao(CallsDao.class)
                .participantUuid(number))).orElse(id);
        LedgerEntry entry = ledger.entries(found -> found.report().uuid().equals(uuid)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No call in progress has the participant id " + id
                        + ": see status/v1/participant for the calls in progress."));
        List<String> disconnected = disconnect(entry.nodeId(), new Disconnect.Request(List.of(uuid), List.of()));
        log(actor, ResourceNames.PARTICIPANT, entry.report().displayName() + " in " + entry.report().conference(),
                "disconnected participant " + uuid);
        return disconnected;
    }

    /**
     * Disconnects every participant of a conference, named by its name or its
     * {@code status/conference} id: each node that signals one of its calls ends them. Throws
     * {@link NotFoundException} when it has no participants, {@link CallsException} when a node does
     * not answer (the other nodes' calls are disconnected all the same).
     */
    public List<String> disconnectConference(String id, Actor actor) {
        String conference = numeric(id).flatMap(number -> configuration.read(transaction -> transaction
                .dao(CallsDao.class).conferenceName(number))).orElse(id);
        List<Long> nodes = ledger.entries(entry -> entry.report().conference().equals(conference)).stream()
                .map(LedgerEntry::nodeId).distinct().toList();
        if (nodes.isEmpty()) {
            throw new NotFoundException("No conference in progress is named " + id + ": see status/v1/conference"
                    + " for the conferences in progress.");
        }
        List<String> disconnected = new ArrayList<>();
        CallsException failed = null;
        for (long node : nodes) {
            try {
                disconnected.addAll(disconnect(node, new Disconnect.Request(List.of(), List.of(conference))));
            } catch (CallsException e) {
                failed = e;
            }
        }
        log(actor, ResourceNames.CONFERENCE, conference, "disconnected " + disconnected.size() + " participant(s)"
                + (failed == null ? "" : "; " + failed.getMessage()));
        if (failed != null) {
            throw failed;
        }
        return disconnected;
    }

    private static Optional<Long> numeric(String id) {
        return id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private void log(Actor actor, String resource, String name, String details) {
        configuration.write(transaction -> {
            AdminLog.of(AdminLog.Action.DISCONNECTED, clock.instant()).by(actor).about(resource, null, name)
                    .details(details).appendTo(transaction.dao(AdminLogDao.class));
            return null;
        });
    }

    private List<String> disconnect(long nodeId, Disconnect.Request request) {
        WorkerVm node = platform().node(nodeId).orElseThrow(() -> new NotFoundException("The node that signals the"
                + " call was deleted."));
        int port = reports.apply(nodeId).map(NodeReport::heartbeat).map(heartbeat -> heartbeat.endpoints().nodePort())
                .orElse(0);
        if (port == 0) {
            throw new CallsException("The Conferencing Node " + node.name() + " has not reported its node-to-node"
                    + " port since the Management Node started; try again after its next heartbeat", null);
        }
        try {
            Disconnect.Answer answer = caller().disconnect(node.address(), port, request);
            LOG.info("{} disconnected {} call(s)", node.name(), answer.disconnected().size());
            ledger.disconnected(nodeId, answer.disconnected());
            writeQuietly(); // status shows the disconnection when the command answers
            return answer.disconnected();
        } catch (IOException e) {
            throw new CallsException("The Conferencing Node " + node.name() + " (" + node.address() + ":" + port
                    + ") did not answer: " + e.getMessage() + "; its calls go on", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallsException("Interrupted while asking " + node.name() + " to disconnect calls", e);
        }
    }

    private String name(long nodeId) {
        return platform().node(nodeId).map(WorkerVm::name).orElse("#" + nodeId);
    }

    /** Writes status and history within {@link #WRITE_DELAY} of a change, coalescing changes meanwhile. */
    private void changed() {
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(() -> {
                    writeScheduled.set(false);
                    writeQuietly();
                }, WRITE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                writeScheduled.set(false); // closed
            }
        }
    }

    /** Writes status and history now (the writer does this within 50 ms of a change). */
    public void flush() {
        recorder.write();
    }

    private void writeQuietly() {
        try {
            recorder.write();
        } catch (RuntimeException e) {
            LOG.error("Could not record calls in the store; retrying in a second", e);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeQuietly();
    }
}
