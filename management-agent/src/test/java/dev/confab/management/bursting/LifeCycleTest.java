package dev.confab.management.bursting;

import dev.confab.management.bursting.BurstingAction.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One overflow node's life through successive decisions, as a caller drives the policy: it performs
 * each action, records the request, and decides again on the next load change or tick.
 */
class LifeCycleTest {

    private static final Instant T0 = Fleet.NOW;
    private static final Location LONDON = new Location(1, "London", Optional.of(2L), Optional.empty());
    private static final Location OVERFLOW = Location.of(2, "Overflow-1");
    private static final Node LONDON_1 = new Node(10, "london-1", 1, false, 17 * 16, false);
    private static final Node OVERFLOW_1A = new Node(20, "overflow-1a", 2, true, 17 * 16, false);
    private static final Node OVERFLOW_1B = new Node(21, "overflow-1b", 2, true, 17 * 16, false);

    private final List<String> performed = new ArrayList<>();
    private CloudInstance instance1a = CloudInstance.stopped("i-1a", 20);
    private final CloudInstance instance1b = CloudInstance.stopped("i-1b", 21);

    @Test
    void startsOnceWaitsForTheNodeAndStopsItAfterTheMinimumLifetime() {
        decide(T0, 3, Optional.empty());
        decide(T0.plusSeconds(10), 2, Optional.empty());
        instance1a = running(T0.plusSeconds(20));
        decide(T0.plusSeconds(60), 1, Optional.empty());
        decide(T0.plusSeconds(240), 1, Optional.of(new NodeLoad(20, 5 * 16, 1, T0.plusSeconds(235))));
        decide(T0.plus(Duration.ofMinutes(40)), 9, Optional.of(new NodeLoad(20, 0, 0, T0.plus(Duration.ofMinutes(40)))));
        Instant later = T0.plus(Duration.ofMinutes(51));
        decide(later, 9, Optional.of(new NodeLoad(20, 0, 0, later.minusSeconds(4))));

        assertEquals(List.of(
                "START i-1a at 10:00:00: free HD calls in London (3) reached the bursting threshold (5); starting"
                        + " overflow node overflow-1a (i-1a) of Overflow-1",
                "STOP i-1a at 10:51:00: overflow-1a (i-1a) hosts no call and has run 50 minutes (minimum lifetime"
                        + " 50 minutes)"), performed);
    }

    private void decide(Instant now, int londonFreeHd, Optional<NodeLoad> overflowLoad) {
        List<NodeLoad> loads = new ArrayList<>(List.of(new NodeLoad(10, (17 - londonFreeHd) * 16, 1, now.minusSeconds(1))));
        overflowLoad.ifPresent(loads::add);
        BurstingInput input = new BurstingInput(List.of(LONDON, OVERFLOW), List.of(LONDON_1, OVERFLOW_1A, OVERFLOW_1B),
                loads, List.of(instance1a, instance1b), List.of(),
                BurstingSettings.defaults().withEnabled(true), T0.minus(Duration.ofHours(1)), now);
        for (BurstingAction action : BurstingPolicy.decide(input).actions()) {
            performed.add(action.kind() + " " + action.instanceId() + " at " + now.toString().substring(11, 19) + ": "
                    + action.reason());
            if (!action.instanceId().equals("i-1a")) {
                continue;
            }
            // EC2 accepts the request and describes the change a moment later
            instance1a = new CloudInstance("i-1a", 20, instance1a.state(), instance1a.launchedAt(),
                    action.kind() == Kind.START ? Optional.of(now) : instance1a.startRequestedAt(),
                    action.kind() == Kind.STOP ? Optional.of(now) : instance1a.stopRequestedAt());
        }
    }

    private CloudInstance running(Instant launchedAt) {
        return new CloudInstance("i-1a", 20, InstanceState.RUNNING, Optional.of(launchedAt),
                instance1a.startRequestedAt(), Optional.empty());
    }
}
