package dev.confab.management.bursting.scheduler;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.bursting.BurstingAction;
import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.BurstingPolicy;
import dev.confab.management.bursting.ManualStartOutcome;
import dev.confab.management.bursting.PlatformShape;
import dev.confab.management.calls.CallFlow;
import dev.confab.management.cloud.CloudInstances;
import dev.confab.management.cloud.DescribeResult;
import dev.confab.management.cloud.InstanceMatching;
import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.BurstingDao;
import dev.confab.management.store.CloudStatusRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Runs the bursting policy on the Management Node: on every load change (coalesced, runs at least
 * {@link BurstingConfig#spacing()} apart) and every {@link BurstingConfig#tick()}, it builds the
 * policy's input from the configuration, the nodes' last reports and EC2's description, performs
 * the starts and stops decided, in order, records each in the Conferencing Node history, sets a
 * started node's static NAT address to its public address, and writes what it found to the
 * {@code cloud_*} status tables. Every run, and an administrator's start, happens on one thread, one
 * at a time. Start with {@link #start}, stop with {@link #close()}. Thread-safe.
 */
public final class BurstingScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BurstingScheduler.class);
    /** How long an administrator's start may wait for the run before it and EC2's answers. */
    private static final Duration MANUAL_START_WAIT = Duration.ofSeconds(90);

    private final ConfigurationService configuration;
    /** The configuration last read, reused until the next revision. */
    private volatile ReadView lastView;
    private final CloudInstances cloud;
    private final LongFunction<Optional<NodeReport>> reports;
    private final Clock clock;
    private final BurstingConfig config;
    private final Duration staleAfter;
    private final Instant observedSince;
    private final ScheduledExecutorService thread;
    private final Ec2Memory memory = new Ec2Memory();
    private final NodeHistory history;
    private final ActionPerformer performer;
    private final RunCoalescer coalescer;
    private final Observations observations;
    private final ForesightReader foresight;
    private Optional<InputBuilder.Described> described = Optional.empty();
    private String describeError = "";
    private String lastActions = "";
    private CloudStatusRows written;
    private volatile Optional<BurstingDecision> lastDecision = Optional.empty();
    private volatile Optional<Set<Long>> pairedNodes = Optional.empty();
    /** The locations and nodes of the last run, indexed; the next run keeps them while they are the same. */
    private Optional<PlatformShape> shape = Optional.empty();

    BurstingScheduler(ConfigurationService configuration, CloudInstances cloud,
                      LongFunction<Optional<NodeReport>> reports, Function<Duration, Map<Long, CallFlow.Counts>> flow,
                      Clock clock, Duration staleAfter, BurstingConfig config, ScheduledExecutorService thread) {
        this.configuration = configuration;
        this.cloud = cloud;
        this.reports = reports;
        this.clock = clock;
        this.config = config;
        this.staleAfter = staleAfter;
        this.thread = thread;
        this.observedSince = clock.instant();
        this.history = new NodeHistory(configuration);
        this.performer = new ActionPerformer(cloud, history, memory, clock);
        this.observations = new Observations(configuration, history, memory);
        this.foresight = new ForesightReader(configuration, flow, observedSince);
        this.coalescer = new RunCoalescer(clock, config.spacing(), (task, delay) -> {
            try {
                thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("Bursting is stopped: the run asked for is not made");
            }
        }, () -> runQuietly(false));
        history.seed(memory, observedSince, Duration.ofDays(1));
    }

    /**
     * Starts running: a first run at once, then every tick and on every {@link #loadChanged}.
     *
     * @param reports    each node's last report since the Management Node started
     * @param flow       the calls each signalling node admitted and ended lately
     * @param staleAfter when a load report is stale: three heartbeat intervals
     */
    public static BurstingScheduler start(ConfigurationService configuration, CloudInstances cloud,
                                          LongFunction<Optional<NodeReport>> reports, CallFlow flow, Clock clock,
                                          Duration staleAfter, BurstingConfig config) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "confab-bursting");
            named.setDaemon(true);
            return named;
        });
        BurstingScheduler scheduler = new BurstingScheduler(configuration, cloud, reports, flow::within, clock,
                staleAfter, config, thread);
        long tick = config.tick().toMillis();
        thread.scheduleWithFixedDelay(() -> {
            scheduler.coalescer.started();
            scheduler.runQuietly(true);
        }, 0, tick, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** A node's load changed: a run soon, sharing it with the other changes meanwhile. Returns at once. */
    public void loadChanged(long nodeId) {
        coalescer.request();
    }

    /** The decision of the last run, if there was one. */
    public Optional<BurstingDecision> lastDecision() {
        return lastDecision;
    }

    /**
     * The Conferencing Nodes paired with a tagged EC2 instance when EC2 last described them; empty
     * before EC2 has been described.
     */
    public Optional<Set<Long>> pairedNodes() {
        return pairedNodes;
    }

    /**
     * An administrator's start of the overflow node of {@code instanceId}, as the policy allows it
     * ({@link BurstingPolicy#startByAdministrator}), after describing EC2 anew; waits for EC2's answer.
     */
    public ManualStartReply startByAdministrator(String instanceId, Actor actor) {
        return onThread(() -> {
            ManualStartReply reply = manualStart(instanceId, actor);
            runQuietly(false);
            return reply;
        });
    }

    private ManualStartReply manualStart(String instanceId, Actor actor) {
        PlatformView view = view();
        describe(view);
        if (!describeError.isEmpty()) {
            return new ManualStartReply.Failed("DescribeInstances", "Not started: EC2 could not be described ("
                    + describeError + ")");
        }
        Round round = round(view);
        ManualStartOutcome outcome = BurstingPolicy.startByAdministrator(round.input(), instanceId);
        if (outcome instanceof ManualStartOutcome.Refused refused) {
            return new ManualStartReply.Refused(refused.refusal(), refused.message());
        }
        BurstingAction action = ((ManualStartOutcome.Accepted) outcome).action();
        var node = round.node(action.nodeId()).orElseThrow();
        ActionPerformer.Outcome done = performer.perform(action, node, NodeHistory.Cause.administrator(actor));
        lastActions = action.toString();
        if (done instanceof ActionPerformer.Outcome.Accepted accepted) {
            return new ManualStartReply.Started(instanceId, node.id(), node.name(), accepted.state().ec2Name());
        }
        if (done instanceof ActionPerformer.Outcome.NoCapacity none) {
            return new ManualStartReply.Failed("InsufficientInstanceCapacity", "Not started: EC2 has no capacity"
                    + " for " + instanceId + " now (" + none.message() + "); start another overflow node, or try"
                    + " again later");
        }
        var failure = ((ActionPerformer.Outcome.Failed) done).failure();
        return new ManualStartReply.Failed(failure.code(), "Not started: " + failure.message());
    }

    /** The configuration a run decides on, and the revision it was read at. */
    private record ReadView(long revision, PlatformView view) {
    }

    /**
     * The configuration as of now: read again only when a revision has been committed since it was
     * last read (the revision is read first, so the view is at least as new as the one recorded), so
     * that runs on load changes, up to five a second, do not read every node each time.
     */
    private PlatformView view() {
        long revision = configuration.revision();
        ReadView last = lastView;
        if (last == null || last.revision() != revision) {
            last = new ReadView(revision, configuration.read(PlatformView::read));
            lastView = last;
        }
        return last.view();
    }

    private <T> T onThread(Callable<T> task) {
        try {
            return thread.submit(task).get(MANUAL_START_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for bursting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Bursting did not answer within " + MANUAL_START_WAIT.toSeconds() + " s");
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("Bursting is stopped: the Management Node is shutting down", e);
        }
    }

    private void runQuietly(boolean describe) {
        try {
            run(describe);
        } catch (RuntimeException e) {
            LOG.error("Cloud bursting: the run failed; the next one tries again", e);
        }
    }

    /**
     * One run, on the caller's thread: describes EC2 first when {@code describe} (or when it never
     * has been), decides, and when there is anything to do describes EC2 anew, decides again and
     * performs the actions. Package-private for tests, which call it on their own thread.
     */
    void run(boolean describe) {
        PlatformView view = view();
        boolean describedNow = false;
        if (describe || described.isEmpty()) {
            describedNow = describe(view);
        }
        Round round = round(view);
        BurstingDecision decision = BurstingPolicy.decide(round.input());
        if (!decision.actions().isEmpty() && !describedNow && describe(view)) {
            round = round(view);
            decision = BurstingPolicy.decide(round.input());
        }
        if (!decision.actions().isEmpty() && describeError.isEmpty() && described.isPresent()) {
            decision = perform(view, round, decision);
            round = round(view);
        }
        if (observations.observe(round, described.map(InputBuilder.Described::at))) {
            foresight.measured();
        }
        publish(round, decision);
    }

    /**
     * Performs the decision's actions in order. A start EC2 has no capacity for is recorded, and the
     * policy decides again with it, so that another stopped node of the location is started instead;
     * no action is performed twice in one run.
     */
    private BurstingDecision perform(PlatformView view, Round first, BurstingDecision decision) {
        Round round = first;
        Set<String> performed = new HashSet<>();
        List<String> lines = new ArrayList<>();
        boolean again = true;
        while (again) {
            again = false;
            for (BurstingAction action : decision.actions()) {
                if (!performed.add(action.kind() + " " + action.instanceId())) {
                    continue;
                }
                var node = round.node(action.nodeId()).orElseThrow();
                ActionPerformer.Outcome outcome = performer.perform(action, node, NodeHistory.Cause.BURSTING);
                lines.add(action + (outcome instanceof ActionPerformer.Outcome.Accepted ? ""
                        : " (failed: " + failureOf(outcome) + ")"));
                again |= outcome instanceof ActionPerformer.Outcome.NoCapacity;
            }
            if (again) {
                round = round(view);
                decision = BurstingPolicy.decide(round.input());
            }
        }
        lastActions = String.join("\n", lines);
        return decision;
    }

    private static String failureOf(ActionPerformer.Outcome outcome) {
        return outcome instanceof ActionPerformer.Outcome.NoCapacity ? "InsufficientInstanceCapacity"
                : ((ActionPerformer.Outcome.Failed) outcome).failure().code();
    }

    /**
     * Describes the tagged instances, unless EC2 access is not configured while bursting is off.
     *
     * @return whether it described them
     */
    private boolean describe(PlatformView view) {
        if (!view.settings().burstingEnabled() && !view.ec2Configured()) {
            describeError = "bursting is disabled and no AWS access is configured: EC2 is not asked";
            return false;
        }
        DescribeResult result = cloud.describe();
        Instant at = clock.instant();
        if (result instanceof DescribeResult.Described found) {
            described = Optional.of(new InputBuilder.Described(found.instances(), InstanceMatching.match(
                    found.instances(), view.nodes(), view.locations(), view.tagValue()), at));
            pairedNodes = Optional.of(described.get().matching().matches().stream()
                    .map(match -> match.node().id()).collect(Collectors.toUnmodifiableSet()));
            describeError = "";
            return true;
        }
        var failure = ((DescribeResult.Failed) result).failure();
        describeError = failure.message();
        if (failure.kind() != dev.confab.management.cloud.CloudFailure.Kind.NOT_CONFIGURED) {
            memory.failed(new dev.confab.management.bursting.Ec2Error(at, Ec2Memory.DESCRIBE_INSTANCES,
                    Optional.empty(), failure.code()));
        }
        return false;
    }

    private Round round(PlatformView view) {
        Instant now = clock.instant();
        Round round = InputBuilder.build(view, described.map(found -> rematch(found, view)), reports, memory,
                staleAfter, config.minLifetime(), observedSince, now, foresight.read(view, now), shape);
        shape = Optional.of(round.input().shape());
        return round;
    }

    /** The last description paired with the nodes as they are now (a node may have changed since). */
    private static InputBuilder.Described rematch(InputBuilder.Described found, PlatformView view) {
        return new InputBuilder.Described(found.instances(), InstanceMatching.match(found.instances(), view.nodes(),
                view.locations(), view.tagValue()), found.at());
    }

    private void publish(Round round, BurstingDecision decision) {
        lastDecision = Optional.of(decision);
        CloudStatusRows rows = StatusRows.of(round, decision, new StatusRows.Facts(round.input().now(),
                described.map(InputBuilder.Described::at), describeError,
                BurstingPolicy.breakerOpenUntil(round.input()), lastActions));
        boolean lists = written == null || !rows.nodes().equals(written.nodes())
                || !rows.monitored().equals(written.monitored()) || !rows.overflow().equals(written.overflow())
                || !rows.notes().equals(written.notes());
        configuration.write(transaction -> {
            transaction.dao(BurstingDao.class).writeStatus(rows, lists);
            return null;
        });
        written = rows;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Cloud bursting: a run was still going after 10 s; stopping without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
