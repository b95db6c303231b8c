package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.Catalog;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link CloudInstances} over the SDK's EC2 client for one {@link CloudAccess}: the only place that
 * calls EC2. Each call (each page of DescribeInstances) runs under {@link Retrying}; a start that EC2
 * answers with InsufficientInstanceCapacity is {@link StartResult.NoCapacity} at once. Thread-safe
 * (the SDK client is).
 */
final class Ec2CloudInstances implements CloudInstances, AutoCloseable {

    private final CloudAccess access;
    private final Retrying retrying;
    private final Ec2Clients.Opened opened;

    Ec2CloudInstances(CloudAccess access, Retrying retrying) {
        this.access = access;
        this.retrying = retrying;
        this.opened = Ec2Clients.open(access);
    }

    CloudAccess access() {
        return access;
    }

    @Override
    public DescribeResult describe() {
        Ec2Client client = opened.client();
        Filter tagged = Filter.builder().name("tag:" + Catalog.burstingTagName()).values(access.tagValue()).build();
        List<CloudInstance> instances = new ArrayList<>();
        String nextToken = null;
        try {
            do {
                DescribeInstancesRequest request = DescribeInstancesRequest.builder().filters(tagged)
                        .nextToken(nextToken).build();
                DescribeInstancesResponse page = retrying.call(Ec2Action.DESCRIBE_INSTANCES,
                        () -> client.describeInstances(request));
                for (Reservation reservation : page.reservations()) {
                    reservation.instances().forEach(instance -> instances.add(instance(instance)));
                }
                nextToken = page.nextToken();
            } while (nextToken != null && !nextToken.isEmpty());
        } catch (Retrying.Failed failed) {
            return new DescribeResult.Failed(failure(failed, Ec2Action.DESCRIBE_INSTANCES));
        }
        return new DescribeResult.Described(instances);
    }

    @Override
    public StartResult start(String instanceId) {
        try {
            StateChange change = change(instanceId, retrying.call(Ec2Action.START_INSTANCES,
                    () -> opened.client().startInstances(request -> request.instanceIds(instanceId))
                            .startingInstances()), Ec2Action.START_INSTANCES);
            return new StartResult.Started(change);
        } catch (Retrying.Failed failed) {
            if (failed.error().kind() == Ec2Errors.Kind.NO_CAPACITY) {
                return new StartResult.NoCapacity(instanceId, failed.error().detail());
            }
            return new StartResult.Failed(failure(failed, Ec2Action.START_INSTANCES));
        }
    }

    @Override
    public StopResult stop(String instanceId) {
        try {
            StateChange change = change(instanceId, retrying.call(Ec2Action.STOP_INSTANCES,
                    () -> opened.client().stopInstances(request -> request.instanceIds(instanceId))
                            .stoppingInstances()), Ec2Action.STOP_INSTANCES);
            return new StopResult.Stopped(change);
        } catch (Retrying.Failed failed) {
            return new StopResult.Failed(failure(failed, Ec2Action.STOP_INSTANCES));
        }
    }

    private static StateChange change(String instanceId, List<InstanceStateChange> changes, Ec2Action action) {
        return changes.stream().filter(change -> instanceId.equals(change.instanceId())).findFirst()
                .map(change -> new StateChange(instanceId, state(change.previousState(), s -> s.nameAsString()),
                        state(change.currentState(), s -> s.nameAsString())))
                .orElseThrow(() -> new Retrying.Failed(new Ec2Errors.Classified(Ec2Errors.Kind.REFUSED,
                        "MissingInstance", "the answer to " + action.action() + " does not name " + instanceId), 1,
                        null));
    }

    private static <S> CloudInstanceState state(S state, Function<S, String> name) {
        return state == null ? CloudInstanceState.UNKNOWN : CloudInstanceState.of(name.apply(state));
    }

    private CloudFailure failure(Retrying.Failed failed, Ec2Action action) {
        return Ec2Errors.failure(failed.error(), action, failed.attempts(), access.endpoint(), access.tagValue());
    }

    private static CloudInstance instance(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : instance.tags()) {
            tags.put(tag.key(), tag.value());
        }
        return new CloudInstance(instance.instanceId(), Optional.ofNullable(tags.get("Name")),
                state(instance.state(), s -> s.nameAsString()), Optional.ofNullable(instance.privateIpAddress()),
                Optional.ofNullable(instance.publicIpAddress()), instance.instanceTypeAsString(),
                Optional.ofNullable(instance.launchTime()), tags);
    }

    /** What the deployment check compares, read-only: every instance, and their groups, types and subnets. */
    DeploymentRead readDeployment() {
        try {
            return new DeploymentRead.Read(Ec2DeploymentReader.read(opened.client(), retrying));
        } catch (Ec2DeploymentReader.CallFailed failed) {
            return new DeploymentRead.Failed(failure(failed.failed(), failed.action()));
        }
    }

    @Override
    public void close() {
        opened.close();
    }
}
