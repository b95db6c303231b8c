package dev.confab.management.bursting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Minutes until full at the current arrival rate: a monitored location's free HD calls over its
 * arrivals; an overflow location's free HD calls with those of the locations overflowing first to
 * it, over their arrivals together; none while no call arrives. Shown with every option off.
 */
class TimeToExhaustionTest {

    @ParameterizedTest(name = "London {0} free, Overflow-1 {1} free, {2} + {3} HD/min: {4} and {5} minutes")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # London free | Overflow-1 free | London HD/min | Overflow-1 HD/min | London minutes | Overflow-1 minutes
              10          | 7               | 2             | 0                 | 5.0            | 8.5
              10          | 7               | 2             | 2                 | 5.0            | 4.25
              0           | 7               | 2             | 0                 | 0.0            | 3.5
              10          | 7               | 0             | 0                 | -              | -
              10          | 7               | 0             | 1                 | -              | 17.0
            """)
    void countsMinutesUntilFullAtTheCurrentArrivalRate(int londonFree, int overflowFree, double londonRate,
                                                        double overflowRate, Double londonMinutes,
                                                        Double overflowMinutes) {
        Fleet fleet = StartRuleTest.overflowOne(londonFree).arriving("London", londonRate)
                .arriving("Overflow-1", overflowRate)
                .running("overflow-1a", "Overflow-1", minutes(20), Fleet.NODE_HD - overflowFree);

        BurstingDecision decision = fleet.decide();

        assertEquals(optional(londonMinutes), decision.monitored().get(0).minutesToExhaustion());
        assertEquals(optional(overflowMinutes), decision.overflow().get(0).minutesToExhaustion());
    }

    private static OptionalDouble optional(Double minutes) {
        return minutes == null ? OptionalDouble.empty() : OptionalDouble.of(minutes);
    }
}
