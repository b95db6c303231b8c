package dev.confab.management.bursting.scheduler;

import dev.confab.management.cloud.CloudFailure;
import dev.confab.management.cloud.CloudInstance;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.CloudInstances;
import dev.confab.management.cloud.DescribeResult;
import dev.confab.management.cloud.Ec2Action;
import dev.confab.management.cloud.StartResult;
import dev.confab.management.cloud.StateChange;
import dev.confab.management.cloud.StopResult;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-process EC2 for unit tests: tagged instances whose state a start or stop changes at
 * once (pending, stopping; {@link #settle()} finishes them), failures queued per action, and every
 * call recorded. The EC2-compatible endpoint of local-cloud, over the wire, is for the ITs.
 */
final class InProcessInstances implements CloudInstances {

    private final Clock clock;
    private final Map<String, CloudInstance> instances = new LinkedHashMap<>();
    private final Map<Ec2Action, Deque<Object>> failures = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();

    InProcessInstances(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String id, String privateIp) {
        instances.put(id, new CloudInstance(id, Optional.of(id + "-name"), CloudInstanceState.STOPPED,
                Optional.of(privateIp), Optional.empty(), "c5.2xlarge", Optional.empty(), Map.of("pexip-cloud", "unknown")));
    }

    /** The next call of {@code action} answers InsufficientInstanceCapacity. */
    synchronized void noCapacityNext() {
        failures.computeIfAbsent(Ec2Action.START_INSTANCES, key -> new ArrayDeque<>()).add("no capacity");
    }

    /** The next call of {@code action} fails with {@code failure}. */
    synchronized void failNext(Ec2Action action, CloudFailure.Kind kind, String code) {
        failures.computeIfAbsent(action, key -> new ArrayDeque<>())
                .add(new CloudFailure(kind, action, code, "EC2 said " + code));
    }

    /** Pending instances run (with a public address), stopping ones stop. */
    synchronized void settle() {
        instances.replaceAll((id, instance) -> switch (instance.state()) {
            case PENDING -> with(instance, CloudInstanceState.RUNNING, Optional.of("198.51.100.9"));
            case STOPPING -> with(instance, CloudInstanceState.STOPPED, Optional.empty());
            default -> instance;
        });
    }

    synchronized CloudInstanceState state(String id) {
        return instances.get(id).state();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized DescribeResult describe() {
        calls.add("DescribeInstances");
        Object failure = next(Ec2Action.DESCRIBE_INSTANCES);
        if (failure instanceof CloudFailure failed) {
            return new DescribeResult.Failed(failed);
        }
        return new DescribeResult.Described(List.copyOf(instances.values()));
    }

    @Override
    public synchronized StartResult start(String id) {
        calls.add("StartInstances " + id);
        Object failure = next(Ec2Action.START_INSTANCES);
        if (failure instanceof CloudFailure failed) {
            return new StartResult.Failed(failed);
        }
        if (failure != null) {
            return new StartResult.NoCapacity(id, "We currently do not have sufficient capacity");
        }
        CloudInstance before = instances.get(id);
        if (before.state() == CloudInstanceState.STOPPED) {
            instances.put(id, new CloudInstance(id, before.name(), CloudInstanceState.PENDING, before.privateIp(),
                    Optional.empty(), before.instanceType(), Optional.of(clock.instant()), before.tags()));
        }
        return new StartResult.Started(new StateChange(id, before.state(), instances.get(id).state()));
    }

    @Override
    public synchronized StopResult stop(String id) {
        calls.add("StopInstances " + id);
        Object failure = next(Ec2Action.STOP_INSTANCES);
        if (failure instanceof CloudFailure failed) {
            return new StopResult.Failed(failed);
        }
        CloudInstance before = instances.get(id);
        if (before.state() == CloudInstanceState.RUNNING || before.state() == CloudInstanceState.PENDING) {
            instances.put(id, with(before, CloudInstanceState.STOPPING, before.publicIp()));
        }
        return new StopResult.Stopped(new StateChange(id, before.state(), instances.get(id).state()));
    }

    private Object next(Ec2Action action) {
        Deque<Object> queued = failures.get(action);
        return queued == null ? null : queued.poll();
    }

    private static CloudInstance with(CloudInstance instance, CloudInstanceState state, Optional<String> publicIp) {
        return new CloudInstance(instance.instanceId(), instance.name(), state, instance.privateIp(), publicIp,
                instance.instanceType(), instance.launchTime(), instance.tags());
    }
}
