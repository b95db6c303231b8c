package dev.confab.management.bursting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A monitored location against the bursting threshold (5): free HD calls at threshold + 3 are
 * "ok", at + 2 and + 1 "approaching threshold", at the threshold and below "bursting threshold
 * reached", which starts one stopped node of its primary overflow location.
 */
class ThresholdTest {

    @ParameterizedTest(name = "{0} free HD calls: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # free HD | London's state             | action
              8       | ok                         | -
              7       | approaching threshold      | -
              6       | approaching threshold      | -
              5       | bursting threshold reached | START i-overflow-1a: free HD calls in London (5) reached the bursting threshold (5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1
              4       | bursting threshold reached | START i-overflow-1a: free HD calls in London (4) reached the bursting threshold (5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1
              0       | bursting threshold reached | START i-overflow-1a: free HD calls in London (0) reached the bursting threshold (5); starting overflow node overflow-1a (i-overflow-1a) of Overflow-1
            """)
    void startsOneOverflowNodeOnceFreeHdCallsReachTheThreshold(int freeHd, String state, String action) {
        Fleet fleet = Fleet.platform().location("London", "Overflow-1").location("Overflow-1")
                .alwaysOn("london-1", "London", freeHd)
                .stopped("overflow-1a", "Overflow-1").stopped("overflow-1b", "Overflow-1");

        BurstingDecision decision = fleet.decide();

        assertEquals(action == null ? List.of() : List.of(action), fleet.actions());
        LocationStatus london = decision.monitored().get(0);
        assertEquals(List.of("London", freeHd, 5, state, List.of()),
                List.of(london.name(), london.freeHdCalls(), london.threshold(), london.state().label(), london.notes()));
    }

    @ParameterizedTest(name = "{0} free HD calls over {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            # free HD per node | nodes | London's free HD | London's state
              3                | 2     | 6                | approaching threshold
              2                | 2     | 4                | bursting threshold reached
              3                | 3     | 9                | ok
            """)
    void addsUpTheFreeHdCallsOfEveryNodeOfTheLocation(int freeHdPerNode, int nodes, int freeHd, String state) {
        Fleet fleet = Fleet.platform().location("London", "Overflow-1").location("Overflow-1")
                .stopped("overflow-1a", "Overflow-1");
        for (int i = 1; i <= nodes; i++) {
            fleet.alwaysOn("london-" + i, "London", freeHdPerNode);
        }

        LocationStatus london = fleet.decide().monitored().get(0);

        assertEquals(List.of(freeHd, nodes * Fleet.NODE_HD, state),
                List.of(london.freeHdCalls(), london.maxHdCalls(), london.state().label()));
    }

    @ParameterizedTest(name = "{0} tokens in use of 272")
    @CsvSource(delimiter = '|', textBlock = """
            # tokens in use | free HD: whole HD calls of the free tokens
              0             | 17
              1             | 16
              16            | 16
              17            | 15
              271           | 0
              300           | 0
            """)
    void countsWholeHdCallsOfTheFreeTokens(int tokens, int freeHd) {
        Fleet fleet = Fleet.platform().location("London", "Overflow-1").location("Overflow-1")
                .alwaysOn("london-1", "London", 0).load("london-1", tokens, 1, java.time.Duration.ofSeconds(1))
                .stopped("overflow-1a", "Overflow-1");

        assertEquals(freeHd, fleet.decide().monitored().get(0).freeHdCalls());
    }
}
