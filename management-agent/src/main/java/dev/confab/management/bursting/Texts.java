package dev.confab.management.bursting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How reasons and notes write durations, instants and lists. */
final class Texts {

    private Texts() {
    }

    /** Whole minutes from one minute up ("1 minute", "52 minutes"), else whole seconds. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 1) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long seconds = duration.toSeconds();
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    /** An instant in UTC to the second, e.g. {@code 2026-11-25T09:00:00Z}. */
    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "1 overflow node is running or starting", "2 overflow nodes are running or starting". */
    static String runningOrStarting(int nodes) {
        return nodes + (nodes == 1 ? " overflow node is" : " overflow nodes are") + " running or starting";
    }

    /** A rate or an expectation to one decimal: "7.4", "0.0". */
    static String rate(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** A chance as a whole percentage: "12%", "below 1%". */
    static String chance(double value) {
        long percent = Math.round(value * 100);
        return percent == 0 && value > 0 ? "below 1%" : percent + "%";
    }
}
