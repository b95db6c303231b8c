package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.BurstingAction;
import dev.confab.management.bursting.Ec2Error;
import dev.confab.management.cloud.CloudFailure;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.CloudInstances;
import dev.confab.management.cloud.StartResult;
import dev.confab.management.cloud.StopResult;
import dev.confab.management.resource.catalog.WorkerVm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks EC2 to start or stop one overflow node's instance and records what came of it: in memory for
 * the next decision (a start or stop accepted, or an {@link Ec2Error} for the circuit breaker) and in
 * the Conferencing Node history. Used on the scheduler's one thread.
 */
final class ActionPerformer {

    /** What came of one action. */
    sealed interface Outcome {
        /** EC2 accepted it. */
        record Accepted(CloudInstanceState state) implements Outcome {
        }

        /** EC2 has no capacity for the instance now (InsufficientInstanceCapacity). */
        record NoCapacity(String message) implements Outcome {
        }

        /** EC2 could not be asked, or refused. */
        record Failed(CloudFailure failure) implements Outcome {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ActionPerformer.class);
    private static final String NOT_CONFIGURED = "NotConfigured";

    private final CloudInstances cloud;
    private final NodeHistory history;
    private final Ec2Memory memory;
    private final Clock clock;

    ActionPerformer(CloudInstances cloud, NodeHistory history, Ec2Memory memory, Clock clock) {
        this.cloud = cloud;
        this.history = history;
        this.memory = memory;
        this.clock = clock;
    }

    Outcome perform(BurstingAction action, WorkerVm node, NodeHistory.Cause cause) {
        return action.kind() == BurstingAction.Kind.START ? start(action, node, cause) : stop(action, node, cause);
    }

    private Outcome start(BurstingAction action, WorkerVm node, NodeHistory.Cause cause) {
        String id = action.instanceId();
        StartResult result = cloud.start(id);
        Instant at = clock.instant();
        if (result instanceof StartResult.Started started) {
            memory.startAccepted(id, at);
            history.append(at, Ec2Memory.START, started.change().current().ec2Name(), cause, action.reason(), node, id,
                    "");
            LOG.info("Cloud bursting: started {} ({}): {}", node.name(), id, action.reason());
            return new Outcome.Accepted(started.change().current());
        }
        if (result instanceof StartResult.NoCapacity none) {
            String code = "InsufficientInstanceCapacity";
            failed(new Ec2Error(at, Ec2Memory.START_INSTANCES, Optional.of(id), code), Ec2Memory.START_FAILED, node,
                    cause, "EC2 has no capacity for the instance now (" + code + ": " + none.message() + ")", code);
            return new Outcome.NoCapacity(none.message());
        }
        CloudFailure failure = ((StartResult.Failed) result).failure();
        failed(new Ec2Error(at, Ec2Memory.START_INSTANCES, Optional.of(id), failure.code()), Ec2Memory.START_FAILED,
                node, cause, failure.message(), failure.code());
        return new Outcome.Failed(failure);
    }

    private Outcome stop(BurstingAction action, WorkerVm node, NodeHistory.Cause cause) {
        String id = action.instanceId();
        StopResult result = cloud.stop(id);
        Instant at = clock.instant();
        if (result instanceof StopResult.Stopped stopped) {
            memory.stopAccepted(id, at);
            history.append(at, Ec2Memory.STOP, stopped.change().current().ec2Name(), cause, action.reason(), node, id,
                    "");
            LOG.info("Cloud bursting: stopped {} ({}): {}", node.name(), id, action.reason());
            return new Outcome.Accepted(stopped.change().current());
        }
        CloudFailure failure = ((StopResult.Failed) result).failure();
        failed(new Ec2Error(at, Ec2Memory.STOP_INSTANCES, Optional.of(id), failure.code()), Ec2Memory.STOP_FAILED,
                node, cause, failure.message(), failure.code());
        return new Outcome.Failed(failure);
    }

    /** A failure goes to the history; one from EC2 (not from missing settings) also counts for the breaker. */
    private void failed(Ec2Error error, String eventType, WorkerVm node, NodeHistory.Cause cause, String details,
                        String code) {
        if (code.equals(NOT_CONFIGURED)) {
            memory.event(error.instanceId().orElseThrow(), eventType);
        } else {
            memory.failed(error);
        }
        history.append(error.at(), eventType, "", cause, details, node, error.instanceId().orElseThrow(), code);
        LOG.warn("Cloud bursting: {} of {} ({}) failed: {}", error.operation(), node.name(),
                error.instanceId().orElseThrow(), details);
    }
}
