package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code bursting_schedule} (a Confab addition): a known peak of an overflow location, ahead of which
 * bursting starts its overflow nodes, with a gentle ramp-down afterwards.
 */
final class BurstingScheduleSpec implements ResourceRules {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final String DAY_NAMES = "mon, tue, wed, thu, fri, sat, sun";

    static ResourceSpec spec() {
        return ResourceSpec.builder(ResourceNames.BURSTING_SCHEDULE, "Bursting schedule")
                .field(FieldSpec.string("name").required().unique().maxLength(100)
                        .help("The name of this schedule, unique on the platform, e.g. weekday 9:00."))
                .field(FieldSpec.related("system_location", SystemLocations.NAME).required().cascade()
                        .help("The overflow location whose overflow nodes are started ahead of the peak."))
                .field(FieldSpec.string("days").required().maxLength(40)
                        .help("The days of the peak, comma-separated: " + DAY_NAMES + " (e.g. mon,tue,wed,thu,fri)."))
                .field(FieldSpec.string("peak_time").required().maxLength(5)
                        .help("The local time of the peak, HH:MM on a 24-hour clock (e.g. 09:00)."))
                .field(FieldSpec.string("time_zone").required().maxLength(64)
                        .help("The IANA time zone of that local time, e.g. Europe/London or America/New_York."))
                .field(FieldSpec.integer("nodes").defaultValue(1L).range(1, 1000)
                        .help("How many of the location's overflow nodes run or start from the lead time until the"
                                + " hold time has passed."))
                .field(FieldSpec.integer("lead_minutes").defaultValue(10L).range(0, 240)
                        .help("Minutes before the peak from which the nodes are started."))
                .field(FieldSpec.integer("hold_minutes").defaultValue(30L).range(0, 1440)
                        .help("Minutes after the peak the nodes are all kept."))
                .field(FieldSpec.integer("ramp_down_minutes").defaultValue(10L).range(1, 240)
                        .help("After the hold, one node is released every this many minutes; a released node is"
                                + " stopped as any other, once idle and past the minimum lifetime."))
                .defaultOrder("name")
                .rules(new BurstingScheduleSpec())
                .build();
    }

    @Override
    public void check(Candidate schedule, StoreView store, FieldErrors errors) {
        String days = schedule.text("days");
        if (!days.isBlank() && days(days).isEmpty()) {
            errors.add("days", "'" + days + "' is not a list of days: give day names separated by commas, from "
                    + DAY_NAMES + ".");
        }
        String time = schedule.text("peak_time");
        if (!time.isBlank() && !TIME.matcher(time).matches()) {
            errors.add("peak_time", "'" + time + "' is not a time: give HH:MM on a 24-hour clock, e.g. 09:00.");
        }
        String zone = schedule.text("time_zone");
        if (!zone.isBlank() && zone(zone).isEmpty()) {
            errors.add("time_zone", "'" + zone + "' is not an IANA time zone name: give one such as Europe/London,"
                    + " America/New_York or UTC.");
        }
    }

    /** The days a valid list names; empty when any item is not a day name. */
    static Optional<Set<DayOfWeek>> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",", -1)) {
            Optional<DayOfWeek> day = day(item.strip().toLowerCase(Locale.ROOT));
            if (day.isEmpty()) {
                return Optional.empty();
            }
            days.add(day.get());
        }
        return Optional.of(days);
    }

    private static Optional<DayOfWeek> day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The time of a valid HH:MM. */
    static Optional<LocalTime> time(String text) {
        if (!TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The zone of an IANA name (a region id, or UTC); not a bare offset. */
    static Optional<ZoneId> zone(String name) {
        return ZoneId.getAvailableZoneIds().contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }
}
