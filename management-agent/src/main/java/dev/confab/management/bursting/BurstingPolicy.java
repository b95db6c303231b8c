package dev.confab.management.bursting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bursting policy: a pure function of a {@link BurstingInput} (locations, nodes, loads, EC2
 * states, errors, settings, the time) to the EC2 starts and stops to perform, each with its reason,
 * and the status of every monitored and overflow location. It performs nothing and keeps no state:
 * the Management Node's scheduler and the replay simulator call it with their own view and clock.
 * docs/architecture.md ("Bursting policy") states the rules. Thread-safe.
 */
public final class BurstingPolicy {

    private BurstingPolicy() {
    }

    /**
     * What to start and stop now, and why; the status of every location concerned, and the notes,
     * are written out when first asked for.
     */
    public static BurstingDecision decide(BurstingInput input) {
        Platform platform = Platform.of(input);
        BurstingSettings settings = input.settings();
        CircuitBreaker breaker = CircuitBreaker.of(input.ec2Errors(), settings, input.now());
        Plan plan = new Plan(input.shape(), platform.runningOrStarting());
        if (!settings.enabled()) {
            plan.note(() -> "bursting is disabled: overflow nodes are not started automatically; idle ones are"
                    + " still stopped once they have run the minimum lifetime");
        }
        if (breaker.open()) {
            plan.note(() -> breaker.note(settings));
        }
        for (PrewarmSchedule schedule : input.foresight().schedules()) {
            if (!input.shape().isOverflow(schedule.locationId())) {
                plan.note(() -> "pre-warm schedule " + schedule.label() + " is for "
                        + input.shape().location(schedule.locationId()).name() + ", which holds no overflow node: it"
                        + " starts nothing");
            }
        }
        StartRule.apply(platform, breaker, plan);
        StopRule.apply(platform, plan);
        int running = plan.runningOrStarting();
        if (running >= settings.maxOverflowNodes()) {
            plan.note(() -> "guardrail reached: " + Texts.runningOrStarting(running) + ", the most allowed ("
                    + settings.maxOverflowNodes() + ")");
        }
        return new BurstingDecision(plan.actions(), () -> new BurstingDecision.Report(statuses(platform, plan, true),
                statuses(platform, plan, false), plan.notes()));
    }

    /**
     * An administrator's request to start the overflow node of {@code instanceId}: a start with the
     * reason "started by administrator", or a refusal that says why.
     */
    public static ManualStartOutcome startByAdministrator(BurstingInput input, String instanceId) {
        return ManualStart.check(Platform.of(input), instanceId);
    }

    /** Until when the circuit breaker pauses automatic starts, if it is open at {@code input.now()}. */
    public static Optional<Instant> breakerOpenUntil(BurstingInput input) {
        return CircuitBreaker.of(input.ec2Errors(), input.settings(), input.now()).openUntil();
    }

    private static List<LocationStatus> statuses(Platform platform, Plan plan, boolean monitored) {
        int threshold = platform.settings().threshold();
        Outlook outlook = platform.outlook();
        List<LocationStatus> statuses = new ArrayList<>();
        for (Location location : platform.locations()) {
            if (monitored ? !platform.isMonitored(location) : !platform.isOverflow(location)) {
                continue;
            }
            LocationCapacity capacity = platform.capacity(location.id());
            int planned = monitored ? 0 : plan.plannedHdCalls(location.id());
            int effective = monitored ? outlook.monitoredThreshold(location) : outlook.overflowThreshold(location);
            LocationState state = monitored ? capacity.monitoredState(effective)
                    : capacity.overflowState(effective, planned);
            List<String> notes = new ArrayList<>(capacity.notes());
            if (!monitored && !platform.startsAutomatically(location)) {
                boolean scheduled = platform.input().foresight().schedules().stream()
                        .anyMatch(schedule -> schedule.locationId() == location.id());
                notes.add(location.name() + " is no location's primary overflow location: its nodes are started only"
                        + " by an administrator" + (scheduled ? " or a pre-warm schedule" : ""));
            }
            notes.addAll(plan.notes(location.id()));
            statuses.add(new LocationStatus(location.id(), location.name(), capacity.freeHdCalls(),
                    capacity.maxHdCalls(), capacity.startingHdCalls() + planned, threshold, state, notes, effective,
                    outlook.minutesToExhaustion(location, monitored)));
        }
        return statuses;
    }
}
