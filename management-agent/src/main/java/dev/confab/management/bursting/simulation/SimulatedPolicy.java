package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.PrewarmSchedule;

import java.util.List;
import java.util.Objects;

/**
 * A policy to compare: the settings the Management Node would have and its pre-warm schedules. Immutable.
 *
 * @param name what the comparison calls it
 */
public record SimulatedPolicy(String name, BurstingSettings settings, List<PrewarmSchedule> schedules) {

    public SimulatedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        schedules = List.copyOf(schedules);
    }
}
