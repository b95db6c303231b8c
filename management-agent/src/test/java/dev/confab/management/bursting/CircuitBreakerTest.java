package dev.confab.management.bursting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The circuit breaker with the defaults: 3 EC2 errors within 5 minutes pause starts for 10 minutes. */
class CircuitBreakerTest {

    @ParameterizedTest(name = "errors {0} seconds ago: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # errors, seconds before 10:00:00 | open until
              -                               | -
              60 30                           | -
              120 60 0                        | 2026-11-25T10:10:00Z
              300 200 0                       | 2026-11-25T10:10:00Z
              301 200 0                       | -
              420 300 120                     | 2026-11-25T10:08:00Z
              900 800 700                     | -
              900 800 600                     | -
              850 800 599                     | 2026-11-25T10:00:01Z
              500 400 300 30                  | 2026-11-25T10:05:00Z
              660 600 500 30                  | 2026-11-25T10:01:40Z
              120 60 -10                      | -
            """)
    void opensOnThreeErrorsWithinFiveMinutesForTenMinutesAfterTheLast(String secondsAgo, String openUntil) {
        List<Ec2Error> errors = secondsAgo == null ? List.of() : Arrays.stream(secondsAgo.split(" "))
                .map(ago -> new Ec2Error(Fleet.NOW.minusSeconds(Long.parseLong(ago)), "StartInstances",
                        Optional.empty(), "Unavailable"))
                .toList();

        CircuitBreaker breaker = CircuitBreaker.of(errors, BurstingSettings.defaults(), Fleet.NOW);

        assertEquals(Optional.ofNullable(openUntil), breaker.openUntil().map(Texts::instant));
    }

    @ParameterizedTest(name = "{0} errors within {1} s, cool-down {2} s")
    @CsvSource(delimiter = '|', textBlock = """
            # errors | window (s) | cool-down (s) | open
              1      | 60         | 60            | true
              2      | 60         | 60            | false
              2      | 120        | 60            | true
              2      | 120        | 10            | false
            """)
    void followsItsSettings(int errors, int windowSeconds, int coolDownSeconds, boolean open) {
        BurstingSettings settings = BurstingSettings.defaults().withCircuitBreaker(errors,
                Duration.ofSeconds(windowSeconds), Duration.ofSeconds(coolDownSeconds));
        List<Ec2Error> history = List.of(
                new Ec2Error(Fleet.NOW.minusSeconds(100), "StopInstances", Optional.of("i-1"), "Unavailable"),
                new Ec2Error(Fleet.NOW.minusSeconds(20), "StartInstances", Optional.of("i-2"), "Unavailable"));

        assertEquals(open, CircuitBreaker.of(history, settings, Fleet.NOW).open());
    }
}
