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
        return of(row.id(), row.text("name"), row.number("system_location"), row.text("days"), row.text("peak_time"),
                row.text("time_zone"), row.integer("nodes"), row.integer("lead_minutes"), row.integer("hold_minutes"),
                row.integer("ramp_down_minutes"));
    }

    /** A stored schedule from the text of its days, peak time and time zone, as the management API shows them. */
    public static BurstingSchedule of(long id, String name, long systemLocation, String days, String peakTime,
                                      String timeZone, int nodes, int leadMinutes, int holdMinutes,
                                      int rampDownMinutes) {
        return new BurstingSchedule(id, name, systemLocation,
                BurstingScheduleSpec.days(days).orElseThrow(() -> invalid(name, "days")),
                BurstingScheduleSpec.time(peakTime).orElseThrow(() -> invalid(name, "peak_time")),
                BurstingScheduleSpec.zone(timeZone).orElseThrow(() -> invalid(name, "time_zone")),
                nodes, leadMinutes, holdMinutes, rampDownMinutes);
    }

    private static IllegalStateException invalid(String name, String field) {
        return new IllegalStateException("The stored bursting schedule " + name + " has an invalid " + field);
    }
}
