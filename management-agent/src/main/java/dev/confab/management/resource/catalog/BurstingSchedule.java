package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A pre-warm schedule of an overflow location ({@code bursting_schedule}), as validated and stored.
 * Immutable.
 */
public record BurstingSchedule(long id, String name, long systemLocation, Set<DayOfWeek> days, LocalTime peakTime,
                               ZoneId timeZone, int nodes, int leadMinutes, int holdMinutes, int rampDownMinutes) {

    public BurstingSchedule {
        days = Set.copyOf(days);
    }

    /** The schedule as the engine stored it; its fields were validated when it was written. */
    public static BurstingSchedule of(StoredRow row) {
        String name = row.text("name");
        return new BurstingSchedule(row.id(), name, row.number("system_location"),
                BurstingScheduleSpec.days(row.text("days")).orElseThrow(() -> invalid(name, "days")),
                BurstingScheduleSpec.time(row.text("peak_time")).orElseThrow(() -> invalid(name, "peak_time")),
                BurstingScheduleSpec.zone(row.text("time_zone")).orElseThrow(() -> invalid(name, "time_zone")),
                row.integer("nodes"), row.integer("lead_minutes"), row.integer("hold_minutes"),
                row.integer("ramp_down_minutes"));
    }

    private static IllegalStateException invalid(String name, String field) {
        return new IllegalStateException("The stored bursting schedule " + name + " has an invalid " + field);
    }
}
