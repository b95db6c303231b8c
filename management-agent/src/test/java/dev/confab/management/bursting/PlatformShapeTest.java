package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shape built once and given to input after input (as the replay simulator and the scheduler do)
 * decides exactly as a shape built afresh for every input, on thousands of random platforms and
 * moments; and the statuses, written out when first asked for, are the same whenever they are.
 */
class PlatformShapeTest {

    private static final long SEED = 20261203L;

    @Test
    void aReusedShapeDecidesAsAFreshOne() {
        RandomPlatforms random = new RandomPlatforms(SEED);
        int decided = 0;
        int refused = 0;
        int starts = 0;
        int stops = 0;
        for (int platform = 0; platform < 300; platform++) {
            RandomPlatforms.Shape shape = random.shape();
            PlatformShape reused = PlatformShape.of(shape.locations(), shape.nodes());
            List<BurstingDecision> expected = new ArrayList<>();
            List<BurstingDecision> later = new ArrayList<>();
            for (int moment = 0; moment < 20; moment++) {
                RandomPlatforms.Moment at = random.moment(shape);
                Optional<String> refusal = refusal(() -> at.on(shape));
                if (refusal.isPresent()) {
                    assertEquals(refusal, refusal(() -> on(reused, at)), "refusal on platform " + platform);
                    refused++;
                    continue;
                }
                BurstingInput fresh = at.on(shape);
                BurstingInput prepared = on(reused, at);
                BurstingDecision decision = BurstingPolicy.decide(fresh);
                // the fresh decision's statuses written out at once, the reused shape's after the others
                expected.add(new BurstingDecision(decision.actions(), decision.monitored(), decision.overflow(),
                        decision.notes()));
                later.add(BurstingPolicy.decide(prepared));
                for (CloudInstance instance : fresh.instances()) {
                    assertEquals(BurstingPolicy.startByAdministrator(fresh, instance.instanceId()),
                            BurstingPolicy.startByAdministrator(prepared, instance.instanceId()));
                }
                assertEquals(BurstingPolicy.breakerOpenUntil(fresh), BurstingPolicy.breakerOpenUntil(prepared));
                decided++;
                starts += (int) decision.actions().stream().filter(a -> a.kind() == BurstingAction.Kind.START).count();
                stops += (int) decision.actions().stream().filter(a -> a.kind() == BurstingAction.Kind.STOP).count();
            }
            assertEquals(expected, later, "decisions on platform " + platform + " " + shape);
        }
        // the random platforms reach every rule: thousands of decisions, starts, stops and refusals
        assertTrue(decided > 5000, decided + " decisions");
        assertTrue(starts > 500 && stops > 300, starts + " starts, " + stops + " stops");
        assertTrue(refused > 20, refused + " refusals");
    }

    @Test
    void reshapingWithTheSameLocationsAndNodesKeepsTheShape() {
        RandomPlatforms.Shape shape = new RandomPlatforms(SEED).shape();
        PlatformShape built = PlatformShape.of(shape.locations(), shape.nodes());

        assertSame(built, built.reshaped(List.copyOf(shape.locations()), new ArrayList<>(shape.nodes())));
        List<Node> grown = new ArrayList<>(shape.nodes());
        grown.add(new Node(Long.MAX_VALUE, "added", shape.locations().get(0).id(), true, 272, false));
        PlatformShape reshaped = built.reshaped(shape.locations(), grown);
        assertNotSame(built, reshaped);
        assertEquals(PlatformShape.of(shape.locations(), grown), reshaped);
    }

    @Test
    void refusesANodeOfAnUnknownLocationWhenShaped() {
        Location london = Location.of(1, "London");

        assertEquals("lost-1 refers to location 9, which is not in the bursting input",
                assertThrows(IllegalArgumentException.class, () -> PlatformShape.of(List.of(london),
                        List.of(new Node(30, "lost-1", 9, false, 272, false)))).getMessage());
    }

    private static BurstingInput on(PlatformShape shape, RandomPlatforms.Moment at) {
        return new BurstingInput(shape, at.loads(), at.instances(), at.errors(), at.settings(), at.observedSince(),
                at.now(), at.foresight());
    }

    private static Optional<String> refusal(Supplier<BurstingInput> input) {
        try {
            input.get();
            return Optional.empty();
        } catch (IllegalArgumentException refused) {
            return Optional.of(refused.getMessage());
        }
    }
}
