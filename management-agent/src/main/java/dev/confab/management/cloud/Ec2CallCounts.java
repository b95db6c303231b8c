package dev.confab.management.cloud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Optional;

/**
 * Counts the calls bursting makes to EC2 as {@code confab.ec2.calls}, by action ({@code StartInstances})
 * and outcome: {@code ok}, or the kind of failure in lower case ({@code not_permitted},
 * {@code throttled} …). Every counter is made up front. Thread-safe.
 */
final class Ec2CallCounts {

    private final Counter[][] counters = new Counter[Ec2Action.values().length][CloudFailure.Kind.values().length + 1];

    Ec2CallCounts(MeterRegistry registry) {
        for (Ec2Action action : Ec2Action.values()) {
            counters[action.ordinal()][0] = counter(registry, action, "ok");
            for (CloudFailure.Kind kind : CloudFailure.Kind.values()) {
                counters[action.ordinal()][kind.ordinal() + 1] = counter(registry, action,
                        kind.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static Counter counter(MeterRegistry registry, Ec2Action action, String outcome) {
        return Counter.builder("confab.ec2.calls").description("Calls to EC2 by action and outcome")
                .tag("action", action.action()).tag("outcome", outcome).register(registry);
    }

    void count(Ec2Action action, Optional<CloudFailure> failure) {
        counters[action.ordinal()][failure.map(f -> f.kind().ordinal() + 1).orElse(0)].increment();
    }
}
