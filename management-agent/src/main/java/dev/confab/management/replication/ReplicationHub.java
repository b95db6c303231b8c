package dev.confab.management.replication;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.StoreTransaction;
import dev.confab.management.store.InList;
import dev.confab.management.store.MeshDao;
import dev.confab.management.store.RevisionDao;
import dev.confab.shared.logging.LogFields;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ReplicatedConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Serves {@code GET /node/v1/config?since=R}. At start it reads the whole replicated configuration;
 * after that, after each committed revision and each enrolment (no revision, but it changes a
 * node's {@code enrolled}), one worker thread reads only what changed: the objects the revisions
 * since the last build recorded in {@code config_change}, the objects whose rendering names them
 * ({@link AffectedObjects}) and the enrolment of the nodes among them, all in one read transaction.
 * It applies them to the previous build, whose checksum is updated per object, records the
 * difference and answers every waiting long-poll at once, so a change reaches waiting nodes within
 * one read of the store. A poll with nothing new waits up to the poll timeout, then answers
 * "unchanged" with the checksum the node reconciles against. Thread-safe.
 */
public final class ReplicationHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationHub.class);
    /** Changes kept at least, and at most (between the two, as many as a snapshot's size allows). */
    private static final int KEPT_CHANGES = 256;
    private static final int MOST_KEPT_CHANGES = 65_536;
    private static final int FAN_OUT_THREADS = 4;

    /** A waiting poll, with the checksum of the content it was told it holds. */
    private record Waiter(long since, String checksum, CompletableFuture<ConfigUpdate> answer) {
    }

    private final ConfigurationService service;
    private final OwnCertificates certificates;
    private final Duration pollTimeout;
    private final ReplicationLog log = new ReplicationLog(KEPT_CHANGES, MOST_KEPT_CHANGES);
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confab-replication");
        thread.setDaemon(true);
        return thread;
    });
    // answering a waiting poll encrypts and writes its response on the completing thread: spread a
    // thousand of them over a few threads instead of the one that rebuilt
    private final ExecutorService fanOut = Executors.newFixedThreadPool(FAN_OUT_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "confab-replication-answer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    /** Shortest time between the starts of two rebuilds; a change still reaches nodes well within a second. */
    private static final long MIN_REBUILD_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * The gap during a burst of writes: each rebuild sends the whole fleet an answer and has it poll
     * again, so under a burst the fleet hears of the writes once a second, and the writers keep the CPU.
     */
    private static final long BURST_REBUILD_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A rebuild that takes in at least this many revisions (50 writes a second) starts a burst. */
    static final int BURST_REVISIONS = 10;
    /** Touched only by the single worker thread. */
    private long lastRebuildStart = System.nanoTime() - BURST_REBUILD_GAP_NANOS;
    /** Whether the last rebuild took in a burst of revisions; touched only by the worker thread. */
    private boolean burst;
    private final EncodedAnswers encoded = new EncodedAnswers();
    /** Nodes whose enrolment changed since the last build. */
    private final Set<Long> enrolments = ConcurrentHashMap.newKeySet();
    /** The newest revision whose changes are built; touched only by the worker thread after the start. */
    private long builtRevision;

    private ReplicationHub(ConfigurationService service, SecretBox secrets, Duration pollTimeout) {
        this.service = service;
        this.certificates = new OwnCertificates(service, secrets);
        this.pollTimeout = pollTimeout;
    }

    /** Reads the configuration now; {@link #changed()} after every committed revision. */
    public static ReplicationHub start(ConfigurationService service, SecretBox secrets, Duration pollTimeout) {
        ReplicationHub hub = new ReplicationHub(service, secrets, pollTimeout);
        hub.readEverything();
        return hub;
    }

    /** The long-polls waiting now for a revision after the one they hold. */
    public int waitingPolls() {
        return waiting.size();
    }

    /** Registers {@code confab.replication.polls.waiting} on {@code registry}. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("confab.replication.polls.waiting", this, ReplicationHub::waitingPolls)
                .description("Long-polls of Conferencing Nodes waiting for a change").register(registry);
    }

    /** The newest replicated configuration. */
    public ReplicatedConfig current() {
        return log.current();
    }

    /**
     * The answer for a node holding {@code since} (negative: it holds nothing): completes at once
     * when something changed, else at the next revision or after the poll timeout.
     */
    public CompletableFuture<ConfigUpdate> poll(long since) {
        ConfigUpdate now = log.since(since);
        if (now.revision() != since || now.snapshot()) {
            return CompletableFuture.completedFuture(now);
        }
        Waiter waiter = new Waiter(since, now.checksum(), new CompletableFuture<>());
        waiting.add(waiter);
        waiter.answer().whenComplete((answer, error) -> waiting.remove(waiter));
        if (outdated(waiter, log.current())) {
            // a rebuild finished between the first look and registering
            waiter.answer().complete(log.since(since, waiter.checksum()));
        }
        return waiter.answer().completeOnTimeout(now, pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The answer for node {@code nodeId}, encoded: answers without a node's own TLS certificate are
     * the same for every node holding the same revision, so each is encoded once per revision.
     */
    public EncodedAnswer encode(ConfigUpdate update, long since, long nodeId) {
        if (update.changesObjects() && hasOwnCertificate(nodeId)) {
            return encoded.encode(certificates.of(nodeId).map(own -> new ConfigUpdate(update.revision(),
                    update.snapshot(), update.checksum(), update.upserts(), update.deletions(), own)).orElse(update));
        }
        return encoded.shared(update, since);
    }

    private boolean hasOwnCertificate(long nodeId) {
        return current().object(ResourceNames.WORKER_VM, Long.toString(nodeId))
                .map(node -> node.get("tls_certificate") != null).orElse(false);
    }

    private static boolean outdated(Waiter waiter, ReplicatedConfig current) {
        return waiter.since() != current.revision() || !waiter.checksum().equals(current.checksum());
    }

    /**
     * Rebuilds after node {@code nodeId} enrolled or lost its certificate, on the hub's worker
     * thread: the revision stays, the node's {@code enrolled} is read again, and waiting polls are
     * sent the difference. Enrolments in a burst share one rebuild.
     */
    public void enrolmentChanged(long nodeId) {
        enrolments.add(nodeId);
        changed();
    }

    /** Rebuilds after a committed revision, on the hub's worker thread. */
    public void changed() {
        // revisions committed while a rebuild waits are read by that rebuild
        if (rebuildQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                pauseAfterLastRebuild();
                rebuildQueued.set(false);
                rebuild();
            });
        }
    }

    /** What a node holding {@code revision} with content {@code checksum} is answered at once (tests). */
    ConfigUpdate since(long revision, String checksum) {
        return log.since(revision, checksum);
    }

    /** Rebuilds on the worker thread now, without the pause, and returns once done (tests). */
    void rebuildNow() {
        try {
            worker.submit(this::rebuild).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Under a burst of writes, rebuilds would follow each other back to back and take a core from
     * the writers: leave a short gap, which every revision committed meanwhile shares, and a gap of
     * a second while the last rebuild took in {@value #BURST_REVISIONS} revisions or more. A lone
     * change after a burst waits at most that second; one after a quiet second, not at all.
     */
    private void pauseAfterLastRebuild() {
        long wait = (burst ? BURST_REBUILD_GAP_NANOS : MIN_REBUILD_GAP_NANOS) - (System.nanoTime() - lastRebuildStart);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRebuildStart = System.nanoTime();
    }

    private void readEverything() {
        // read before the snapshot: an enrolment committed in between is rebuilt again after it
        Set<Long> enrolled = service.read(transaction -> transaction.dao(MeshDao.class).enrolledNodeIds());
        ConfigurationService.Snapshot snapshot = service.snapshot(ReplicatedConfig.RESOURCES);
        log.record(ReplicatedConfig.of(snapshot.revision(), Replicable.of(service.catalog(), snapshot.objects(),
                enrolled)));
        builtRevision = snapshot.revision();
    }

    private void rebuild() {
        Set<Long> nodes = Set.copyOf(enrolments);
        enrolments.removeAll(nodes);
        try {
            ReplicatedConfig before = log.current();
            Delta delta = service.read(transaction -> delta(transaction, before, nodes));
            ReplicatedConfig next = before.apply(new ConfigUpdate(delta.revision(), false, null, delta.upserts(),
                    delta.deletions(), null));
            log.record(next, next.since(before, delta.touched()));
            burst = delta.revision() - builtRevision >= BURST_REVISIONS;
            builtRevision = delta.revision();
            answerWaiting();
        } catch (RuntimeException e) {
            enrolments.addAll(nodes);
            LOG.error("Could not read the configuration to replicate; nodes keep their revision until the next"
                    + " change", e);
        }
    }

    /** What the revisions after the last build changed, and the enrolment of {@code nodes}, as a difference. */
    private record Delta(long revision, Map<String, List<Map<String, Object>>> upserts,
                         Map<String, List<String>> deletions, Map<String, Set<String>> touched) {
    }

    private Delta delta(StoreTransaction transaction, ReplicatedConfig before, Set<Long> nodes) {
        long revision = transaction.dao(RevisionDao.class).current();
        List<RevisionDao.ChangedObject> changes = transaction.dao(RevisionDao.class).changedAfter(builtRevision, revision);
        Map<String, Set<Long>> affected = AffectedObjects.of(service.catalog(), changes, before, transaction);
        Set<Long> workers = new TreeSet<>(nodes);
        workers.addAll(affected.getOrDefault(ResourceNames.WORKER_VM, Set.of()));
        Set<Long> enrolled = new TreeSet<>();
        InList.parts(workers).forEach(part -> enrolled.addAll(transaction.dao(MeshDao.class).enrolledAmong(part)));
        Map<String, List<Map<String, Object>>> upserts = new TreeMap<>();
        Map<String, List<String>> deletions = new TreeMap<>();
        Map<String, Set<String>> touched = new TreeMap<>();
        affected.forEach((name, ids) -> {
            ResourceSpec spec = service.catalog().configuration(name);
            List<Map<String, Object>> found = transaction.objects(name, ids).stream()
                    .map(object -> Replicable.of(spec, object, enrolled)).toList();
            Set<String> present = found.stream().map(object -> String.valueOf(object.get("id")))
                    .collect(Collectors.toSet());
            upserts.put(name, new ArrayList<>(found));
            deletions.put(name, ids.stream().map(String::valueOf).filter(id -> !present.contains(id)).toList());
            touched.put(name, ids.stream().map(String::valueOf).collect(Collectors.toSet()));
        });
        for (long node : nodes) {
            String id = Long.toString(node);
            if (!affected.getOrDefault(ResourceNames.WORKER_VM, Set.of()).contains(node)) {
                before.object(ResourceNames.WORKER_VM, id).ifPresent(object -> {
                    Map<String, Object> flagged = new LinkedHashMap<>(object);
                    flagged.put(ReplicatedConfig.ENROLLED, enrolled.contains(node));
                    upserts.computeIfAbsent(ResourceNames.WORKER_VM, name -> new ArrayList<>()).add(flagged);
                    touched.computeIfAbsent(ResourceNames.WORKER_VM, name -> new TreeSet<>()).add(id);
                });
            }
        }
        return new Delta(revision, upserts, deletions, touched);
    }

    private void answerWaiting() {
        ReplicatedConfig current = log.current();
        LogFields.put(LogFields.REVISION, Long.toString(current.revision()));
        // a fleet waits at a handful of revisions: merge the changes once for each, not once a node
        record Held(long since, String checksum) {
        }
        Map<Held, ConfigUpdate> answers = new HashMap<>();
        for (Waiter waiter : waiting) {
            if (outdated(waiter, current)) {
                ConfigUpdate answer = answers.computeIfAbsent(new Held(waiter.since(), waiter.checksum()),
                        held -> log.since(held.since(), held.checksum()));
                fanOut.execute(() -> waiter.answer().complete(answer));
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        fanOut.shutdownNow();
    }
}
