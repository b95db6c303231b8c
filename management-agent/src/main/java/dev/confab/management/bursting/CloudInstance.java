package dev.confab.management.bursting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The EC2 instance of an overflow node, with what Confab last asked of it. Immutable.
 *
 * @param nodeId           the Conferencing Node it runs (matched by private IP address)
 * @param state            its state as EC2 last described it
 * @param launchedAt       EC2's launch time: when the instance last started
 * @param startRequestedAt when EC2 last accepted a StartInstances for it from this Management Node
 *                         (a refused call is an {@link Ec2Error}, not a request)
 * @param stopRequestedAt  when EC2 last accepted a StopInstances for it
 */
public record CloudInstance(String instanceId, long nodeId, InstanceState state, Optional<Instant> launchedAt,
                            Optional<Instant> startRequestedAt, Optional<Instant> stopRequestedAt) {

    public CloudInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(launchedAt, "launchedAt");
        Objects.requireNonNull(startRequestedAt, "startRequestedAt");
        Objects.requireNonNull(stopRequestedAt, "stopRequestedAt");
    }

    /** A stopped instance nothing has been asked of. */
    public static CloudInstance stopped(String instanceId, long nodeId) {
        return new CloudInstance(instanceId, nodeId, InstanceState.STOPPED, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** When it last started: the later of its launch time and the last start request, if either is known. */
    public Optional<Instant> startedAt() {
        if (launchedAt.isEmpty()) {
            return startRequestedAt;
        }
        if (startRequestedAt.isEmpty()) {
            return launchedAt;
        }
        return launchedAt.get().isAfter(startRequestedAt.get()) ? launchedAt : startRequestedAt;
    }

    /** Whether a stop was asked for after its last start. */
    public boolean stopRequestedSinceStart() {
        if (stopRequestedAt.isEmpty()) {
            return false;
        }
        Optional<Instant> started = startedAt();
        return started.isEmpty() || stopRequestedAt.get().isAfter(started.get());
    }
}
