package dev.confab.management.bursting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A known peak of an overflow location, to start its nodes ahead of: on {@code days}, at
 * {@code peakAt} local time in {@code zone}, {@code nodes} overflow nodes are running or starting from
 * {@code lead} before the peak until {@code hold} after it; then one node is released every
 * {@code rampDownEvery} (a gentle ramp-down rather than a cliff). A released node is stopped only
 * as any other: idle and past the minimum lifetime. Plain values, as a store would keep them.
 * Immutable.
 *
 * @param name          what reasons call it, e.g. "weekday 9:00"
 * @param locationId    the overflow location whose nodes are started
 */
public record PrewarmSchedule(String name, long locationId, Set<DayOfWeek> days, LocalTime peakAt, ZoneId zone,
                              int nodes, Duration lead, Duration hold, Duration rampDownEvery) {

    private static final long SECONDS_PER_DAY = 86_400;

    public PrewarmSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(peakAt, "peakAt");
        Objects.requireNonNull(zone, "zone");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Pre-warm schedule " + name + " names no day of the week");
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("Pre-warm schedule " + name + " starts " + nodes + " nodes; it must"
                    + " start at least 1");
        }
        requireNotNegative(name, "lead", lead);
        requireNotNegative(name, "hold", hold);
        requireNotNegative(name, "rampDownEvery", rampDownEvery);
        if (rampDownEvery.isZero()) {
            throw new IllegalArgumentException("Pre-warm schedule " + name + " releases its nodes every 0 seconds;"
                    + " give an interval longer than zero");
        }
    }

    /** A schedule whose lead, hold and ramp-down are given in whole minutes, as a store keeps them. */
    public static PrewarmSchedule inMinutes(String name, long locationId, Set<DayOfWeek> days, LocalTime peakAt,
                                            ZoneId zone, int nodes, int leadMinutes, int holdMinutes,
                                            int rampDownMinutes) {
        return new PrewarmSchedule(name, locationId, days, peakAt, zone, nodes, Duration.ofMinutes(leadMinutes),
                Duration.ofMinutes(holdMinutes), Duration.ofMinutes(rampDownMinutes));
    }

    /** How many of the location's overflow nodes it keeps running or starting at {@code now}. */
    public int nodesAt(Instant now) {
        // a fixed offset's rules are made anew on every call: its days and peaks are worked out directly
        ZoneOffset fixed = zone instanceof ZoneOffset offset ? offset : null;
        ZoneOffset offsetNow = fixed != null ? fixed : now.atZone(zone).getOffset();
        long today = Math.floorDiv(now.getEpochSecond() + offsetNow.getTotalSeconds(), SECONDS_PER_DAY);
        int most = 0;
        // a ramp-down may run past midnight, or a lead start before it
        for (long day = today - 1; day <= today + 1; day++) {
            if (days.contains(DayOfWeek.of((int) Math.floorMod(day + 3, 7L) + 1))) {
                Instant peak = fixed != null
                        ? Instant.ofEpochSecond(day * SECONDS_PER_DAY + peakAt.toSecondOfDay() - fixed.getTotalSeconds(),
                                peakAt.getNano())
                        : ZonedDateTime.of(LocalDate.ofEpochDay(day), peakAt, zone).toInstant();
                most = Math.max(most, nodesOn(peak, now));
            }
        }
        return most;
    }

    private int nodesOn(Instant peak, Instant now) {
        if (now.isBefore(peak.minus(lead))) {
            return 0;
        }
        Instant rampDown = peak.plus(hold);
        if (now.isBefore(rampDown)) {
            return nodes;
        }
        long released = 1 + Duration.between(rampDown, now).toMillis() / rampDownEvery.toMillis();
        return (int) Math.max(0, nodes - released);
    }

    /** "weekday 9:00 (Mon–Fri 09:00 Europe/London)". */
    String label() {
        return name + " (" + dayRange() + " " + peakAt + " " + zone.getId() + ")";
    }

    private String dayRange() {
        EnumSet<DayOfWeek> set = EnumSet.copyOf(days);
        DayOfWeek first = set.iterator().next();
        DayOfWeek last = first;
        for (DayOfWeek day : set) {
            last = day;
        }
        boolean contiguous = last.getValue() - first.getValue() + 1 == set.size();
        if (contiguous && set.size() > 2) {
            return shortName(first) + "–" + shortName(last);
        }
        return set.stream().map(PrewarmSchedule::shortName).collect(Collectors.joining(","));
    }

    private static String shortName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(java.util.Locale.ROOT);
    }

    private static void requireNotNegative(String name, String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException("Pre-warm schedule " + name + " has a negative " + field);
        }
    }
}
