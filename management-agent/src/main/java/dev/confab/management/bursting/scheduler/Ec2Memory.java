package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.Ec2Error;
import dev.confab.management.store.Times;
import dev.confab.management.store.WorkerVmEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this Management Node asked of EC2 and what EC2 refused: the last start and stop EC2 accepted
 * for each instance, the newest history event of each, and the recent errors the circuit breaker
 * counts. Filled from the Conferencing Node history at start, so a restart forgets nothing that is
 * still in effect. Used on the scheduler's one thread only: not thread-safe.
 */
final class Ec2Memory {

    static final String START = "start";
    static final String START_FAILED = "start_failed";
    static final String RUNNING = "running";
    static final String STOP = "stop";
    static final String STOP_FAILED = "stop_failed";
    static final String STOPPED = "stopped";
    static final String START_INSTANCES = "StartInstances";
    static final String STOP_INSTANCES = "StopInstances";
    static final String DESCRIBE_INSTANCES = "DescribeInstances";

    private final Map<String, Instant> startRequested = new HashMap<>();
    private final Map<String, Instant> stopRequested = new HashMap<>();
    private final Map<String, String> lastEvent = new HashMap<>();
    private final List<Ec2Error> errors = new ArrayList<>();

    /**
     * Takes in the history: {@code starts} and {@code stops} the newest start and stop of each
     * instance, {@code newest} its newest event of any kind, {@code failures} the recent failed ones.
     */
    void seed(List<WorkerVmEvent> starts, List<WorkerVmEvent> stops, List<WorkerVmEvent> newest,
              List<WorkerVmEvent> failures) {
        starts.forEach(event -> startRequested.put(event.cloudInstanceId(), Times.parse(event.timeChanged())));
        stops.forEach(event -> stopRequested.put(event.cloudInstanceId(), Times.parse(event.timeChanged())));
        newest.forEach(event -> lastEvent.put(event.cloudInstanceId(), event.eventType()));
        for (WorkerVmEvent failure : failures) {
            errors.add(new Ec2Error(Times.parse(failure.timeChanged()), failure.eventType().equals(START_FAILED)
                    ? START_INSTANCES : STOP_INSTANCES, Optional.of(failure.cloudInstanceId()), failure.errorCode()));
        }
    }

    void startAccepted(String instanceId, Instant at) {
        startRequested.put(instanceId, at);
        lastEvent.put(instanceId, START);
    }

    void stopAccepted(String instanceId, Instant at) {
        stopRequested.put(instanceId, at);
        lastEvent.put(instanceId, STOP);
    }

    void event(String instanceId, String eventType) {
        lastEvent.put(instanceId, eventType);
    }

    void failed(Ec2Error error) {
        errors.add(error);
        error.instanceId().ifPresent(id -> lastEvent.put(id, error.operation().equals(STOP_INSTANCES) ? STOP_FAILED
                : error.operation().equals(START_INSTANCES) ? START_FAILED : lastEvent.getOrDefault(id, "")));
    }

    Optional<Instant> startRequestedAt(String instanceId) {
        return Optional.ofNullable(startRequested.get(instanceId));
    }

    Optional<Instant> stopRequestedAt(String instanceId) {
        return Optional.ofNullable(stopRequested.get(instanceId));
    }

    Optional<String> lastEvent(String instanceId) {
        return Optional.ofNullable(lastEvent.get(instanceId));
    }

    /** The errors since {@code keep} before {@code now}, forgetting older ones. */
    List<Ec2Error> errors(Instant now, Duration keep) {
        Instant since = now.minus(keep);
        errors.removeIf(error -> error.at().isBefore(since));
        return List.copyOf(errors);
    }
}
