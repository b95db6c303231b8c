package dev.confab.management.bursting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The policy's input refuses what no caller should send, and says what is wrong. */
class BurstingInputTest {

    private static final Instant NOW = Fleet.NOW;
    private static final Location LONDON = new Location(1, "London", Optional.of(2L), Optional.empty());
    private static final Location OVERFLOW = Location.of(2, "Overflow-1");
    private static final Node LONDON_1 = new Node(10, "london-1", 1, false, 272, false);
    private static final Node OVERFLOW_1A = new Node(20, "overflow-1a", 2, true, 272, false);

    @Test
    void refusesANodeOfAnUnknownLocation() {
        Node lost = new Node(30, "lost-1", 9, false, 272, false);

        assertEquals("lost-1 refers to location 9, which is not in the bursting input",
                refusal(List.of(LONDON, OVERFLOW), List.of(LONDON_1, lost), List.of()));
    }

    @Test
    void refusesAnOverflowLocationThatIsNotInTheInput() {
        Location paris = new Location(3, "Paris", Optional.empty(), Optional.of(7L));

        assertEquals("Paris refers to overflow location 7, which is not in the bursting input",
                refusal(List.of(LONDON, OVERFLOW, paris), List.of(LONDON_1), List.of()));
    }

    @Test
    void refusesTheSameNodeTwice() {
        assertEquals("The bursting input names node 10 twice",
                refusal(List.of(LONDON, OVERFLOW), List.of(LONDON_1, LONDON_1), List.of()));
    }

    @Test
    void refusesTwoInstancesForOneNode() {
        assertEquals("The bursting input names instance of node 20 twice",
                refusal(List.of(LONDON, OVERFLOW), List.of(LONDON_1, OVERFLOW_1A),
                        List.of(CloudInstance.stopped("i-1", 20), CloudInstance.stopped("i-2", 20))));
    }

    @Test
    void refusesAnInstanceOfAnUnknownNode() {
        assertEquals("i-1 refers to node 99, which is not in the bursting input",
                refusal(List.of(LONDON, OVERFLOW), List.of(LONDON_1), List.of(CloudInstance.stopped("i-1", 99))));
    }

    @Test
    void refusesArrivalsOfOneLocationTwice() {
        Arrivals london = new Arrivals(1, 4, 1, Duration.ofMinutes(5));

        assertEquals("The bursting input names arrivals of location 1 twice",
                foresightRefusal(new Foresight(List.of(), List.of(london, london), List.of())));
    }

    @Test
    void refusesArrivalsOfAnUnknownLocation() {
        assertEquals("Arrivals refers to location 9, which is not in the bursting input", foresightRefusal(
                new Foresight(List.of(), List.of(new Arrivals(9, 4, 1, Duration.ofMinutes(5))), List.of())));
    }

    @Test
    void namesArrivalsOfAnUnknownLocationTwiceBeforeItIsUnknown() {
        Arrivals lost = new Arrivals(9, 4, 1, Duration.ofMinutes(5));

        assertEquals("The bursting input names arrivals of location 9 twice",
                foresightRefusal(new Foresight(List.of(), List.of(lost, lost), List.of())));
    }

    @Test
    void ignoresTheLoadOfANodeNoLongerThere() {
        BurstingInput input = new BurstingInput(List.of(LONDON, OVERFLOW), List.of(LONDON_1, OVERFLOW_1A),
                List.of(new NodeLoad(10, 0, 0, NOW), new NodeLoad(77, 16, 1, NOW)),
                List.of(CloudInstance.stopped("i-1", 20)), List.of(), BurstingSettings.defaults(), NOW.minusSeconds(600),
                NOW);

        assertEquals(17, BurstingPolicy.decide(input).monitored().get(0).freeHdCalls());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            threshold        | Bursting setting threshold is -1; it must be at least 0
            maxOverflowNodes | Bursting setting maxOverflowNodes is -1; it must be at least 0
            minLifetime      | Bursting setting minLifetime is PT0S; it must be longer than zero
            staleAfter       | Bursting setting staleAfter is PT-1S; it must be longer than zero
            breakerErrors    | Bursting setting breakerErrors is 0; it must be at least 1
            """)
    void refusesSettingsOutOfRange(String field, String message) {
        BurstingSettings settings = BurstingSettings.defaults();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> {
            switch (field) {
                case "threshold" -> settings.withThreshold(-1);
                case "maxOverflowNodes" -> settings.withMaxOverflowNodes(-1);
                case "minLifetime" -> settings.withMinLifetime(Duration.ZERO);
                case "staleAfter" -> settings.withStaleAfter(Duration.ofSeconds(-1));
                default -> settings.withCircuitBreaker(0, Duration.ofMinutes(1), Duration.ofMinutes(1));
            }
        });
        assertEquals(message, refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"pending, PENDING", "running, RUNNING", " stopping , STOPPING", "STOPPED, STOPPED"})
    void readsEc2StateNames(String name, InstanceState state) {
        assertEquals(state, InstanceState.ofEc2Name(name));
    }

    @Test
    void refusesAnEc2StateNoOverflowNodeCanBeIn() {
        assertEquals("EC2 state terminated is not one an overflow node can be in (pending, running, stopping, stopped)",
                assertThrows(IllegalArgumentException.class, () -> InstanceState.ofEc2Name("terminated")).getMessage());
    }

    private static String foresightRefusal(Foresight foresight) {
        return assertThrows(IllegalArgumentException.class, () -> new BurstingInput(List.of(LONDON, OVERFLOW),
                List.of(LONDON_1, OVERFLOW_1A), List.of(), List.of(), List.of(), BurstingSettings.defaults(), NOW, NOW,
                foresight)).getMessage();
    }

    private static String refusal(List<Location> locations, List<Node> nodes, List<CloudInstance> instances) {
        return assertThrows(IllegalArgumentException.class, () -> new BurstingInput(locations, nodes, List.of(),
                instances, List.of(), BurstingSettings.defaults(), NOW, NOW)).getMessage();
    }
}
