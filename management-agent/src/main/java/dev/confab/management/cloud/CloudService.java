package dev.confab.management.cloud;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.metrics.AgentMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Management Node's one way to EC2, for bursting and the operator: {@link CloudInstances} on the
 * access the global settings describe now (read at each call; a client is kept until they change),
 * the alarm when EC2 refuses the credentials or a permission, the pairing of instances with
 * Conferencing Nodes, a node's static NAT address from its instance's public address, and the IAM
 * policy the Management Node needs. Create with {@link #create}, {@link #close()} when done.
 * Thread-safe.
 */
public final class CloudService implements CloudInstances, AutoCloseable, MeterBinder {

    /** Who changes a node's static NAT address, in the administrator log. */
    public static final Actor ACTOR = Actor.system("cloud bursting");
    private static final Logger LOG = LoggerFactory.getLogger(CloudService.class);

    private final ConfigurationService configuration;
    private final SecretBox secrets;
    private final Retrying retrying;
    private final CloudAlarms alarms;
    private Ec2CloudInstances current;
    private Ec2CloudInstances retired;
    private volatile Ec2CallCounts counts = new Ec2CallCounts(AgentMetrics.none());

    CloudService(ConfigurationService configuration, SecretBox secrets, Retrying retrying, Clock clock) {
        this.configuration = configuration;
        this.secrets = secrets;
        this.retrying = retrying;
        this.alarms = new CloudAlarms(configuration, clock);
    }

    /** The service with {@link RetryPolicy#DEFAULT}. */
    public static CloudService create(ConfigurationService configuration, SecretBox secrets, Clock clock) {
        return create(configuration, secrets, clock, RetryPolicy.DEFAULT);
    }

    /** The service, retrying as {@code policy} says (tests shorten it). */
    public static CloudService create(ConfigurationService configuration, SecretBox secrets, Clock clock,
                                      RetryPolicy policy) {
        SecureRandom random = new SecureRandom();
        return new CloudService(configuration, secrets, new Retrying(policy,
                duration -> Thread.sleep(duration.toMillis()), random::nextDouble, clock), clock);
    }

    /** Counts the calls to EC2 by action and outcome on {@code registry} from now on. */
    @Override
    public void bindTo(MeterRegistry registry) {
        counts = new Ec2CallCounts(registry);
    }

    @Override
    public DescribeResult describe() {
        return call(Ec2Action.DESCRIBE_INSTANCES, DescribeResult.Failed::new, CloudInstances::describe,
                result -> result instanceof DescribeResult.Failed failed ? Optional.of(failed.failure())
                        : Optional.empty());
    }

    @Override
    public StartResult start(String instanceId) {
        return call(Ec2Action.START_INSTANCES, StartResult.Failed::new, instances -> instances.start(instanceId),
                result -> result instanceof StartResult.Failed failed ? Optional.of(failed.failure())
                        : Optional.empty());
    }

    @Override
    public StopResult stop(String instanceId) {
        return call(Ec2Action.STOP_INSTANCES, StopResult.Failed::new, instances -> instances.stop(instanceId),
                result -> result instanceof StopResult.Failed failed ? Optional.of(failed.failure())
                        : Optional.empty());
    }

    private <R> R call(Ec2Action action, Function<CloudFailure, R> failed, Function<CloudInstances, R> call,
                       Function<R, Optional<CloudFailure>> failureOf) {
        CloudInstances instances;
        try {
            instances = instances();
        } catch (CloudSettingsException e) {
            return failed.apply(new CloudFailure(CloudFailure.Kind.NOT_CONFIGURED, action, "NotConfigured",
                    e.getMessage()));
        }
        R result = call.apply(instances);
        Optional<CloudFailure> failure = failureOf.apply(result);
        counts.count(action, failure);
        if (failure.isEmpty()) {
            alarms.permitted(action);
        } else if (failure.get().kind() == CloudFailure.Kind.NOT_PERMITTED) {
            alarms.refused(failure.get());
        } else {
            LOG.warn("Cloud bursting: {}", failure.get().message());
        }
        return result;
    }

    /**
     * What the deployment check compares, read from EC2 with the settings as they are now; only
     * read-only calls. A refused permission raises the same alarm as bursting's.
     */
    public DeploymentRead readDeployment() {
        Ec2CloudInstances instances;
        try {
            instances = instances();
        } catch (CloudSettingsException e) {
            return new DeploymentRead.Failed(new CloudFailure(CloudFailure.Kind.NOT_CONFIGURED,
                    Ec2Action.DESCRIBE_INSTANCES, "NotConfigured", e.getMessage()));
        }
        DeploymentRead read = instances.readDeployment();
        if (read instanceof DeploymentRead.Failed failed && failed.failure().kind() == CloudFailure.Kind.NOT_PERMITTED) {
            alarms.refused(failed.failure());
        }
        return read;
    }

    /** The adapter for the settings as they are now, made anew when they have changed. */
    private synchronized Ec2CloudInstances instances() {
        CloudAccess access = configuration.read(transaction -> CloudAccess.of(transaction.reads().globalSettings(),
                transaction.reads().sealedAwsSecretKey().map(secrets::open), transaction.reads().burstingTagValue()));
        if (current == null || !current.access().equals(access)) {
            // a call may still run on the client being replaced: it is closed at the next change, or at close()
            if (retired != null) {
                retired.close();
            }
            retired = current;
            current = new Ec2CloudInstances(access, retrying);
            LOG.info("Cloud bursting: EC2 at {} (region {}), instances tagged pexip-cloud={}", access.endpoint(),
                    access.region(), access.tagValue());
        }
        return current;
    }

    /** The instances set against the Conferencing Nodes and locations as they are now. */
    public Matching match(DescribeResult.Described described) {
        return configuration.read(transaction -> InstanceMatching.match(described.instances(),
                transaction.reads().workerVms(), transaction.reads().systemLocations(),
                transaction.reads().burstingTagValue()));
    }

    /**
     * Sets the node's {@code static_nat_address} to its instance's public address, through the
     * configuration pipeline (a new revision, and an administrator-log line by {@link #ACTOR}), when
     * the instance has one and the node does not have it already.
     *
     * @return the address set, or empty when nothing changed
     */
    public Optional<String> updateStaticNat(Matching.Match match) {
        return StaticNatAddress.update(configuration, match);
    }

    /** The IAM policy the Management Node's user or role needs, for the tag value as it is now. */
    public String iamPolicy() {
        return IamPolicy.document(configuration.read(transaction -> transaction.reads().burstingTagValue()));
    }

    @Override
    public synchronized void close() {
        for (Ec2CloudInstances instances : java.util.Arrays.asList(retired, current)) {
            if (instances != null) {
                instances.close();
            }
        }
        retired = null;
        current = null;
    }
}
