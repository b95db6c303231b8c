package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A trace as CSV text: a header line {@code arrival,location,call_type,duration_seconds}, then one
 * call a line — its arrival as an ISO-8601 instant ({@code 2026-01-05T09:00:12Z}), the name of the
 * location that received it, its type ({@code full_hd}, {@code hd}, {@code sd}, {@code audio}) and how
 * long it lasted in seconds (a number above zero). Blank lines and lines starting with {@code #} are
 * skipped. A bad line is refused with its number and what is wrong, and nothing is read.
 */
public final class TraceCsv {

    /** The header line, as written and as expected. */
    public static final String HEADER = "arrival,location,call_type,duration_seconds";

    private TraceCsv() {
    }

    public static Trace parse(String text) {
        return parse(text, null);
    }

    /**
     * As {@link #parse(String)}, and a call at a location not among {@code locations} (when not null) is
     * refused with its line's number.
     */
    public static Trace parse(String text, Collection<String> locations) {
        List<TraceCall> calls = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean headerSeen = false;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            int number = index + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    throw new IllegalArgumentException("Line " + number + ": the first line must be the header "
                            + HEADER + ", not " + line);
                }
                headerSeen = true;
                continue;
            }
            TraceCall call = call(line, number);
            if (locations != null && !locations.contains(call.location())) {
                throw new IllegalArgumentException("Line " + number + ": location " + call.location() + " is not a"
                        + " location of the platform (" + String.join(", ", locations) + ")");
            }
            calls.add(call);
        }
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("The trace holds no call: after the header " + HEADER
                    + ", write one call a line, e.g. 2026-01-05T09:00:12Z,London,hd,1800");
        }
        return Trace.of(calls);
    }

    /** One call as a CSV line, the way {@link #parse} reads it. */
    public static String line(TraceCall call) {
        return call.arrival() + "," + call.location() + "," + call.type().wireName() + ","
                + call.duration().toMillis() / 1000.0;
    }

    private static TraceCall call(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("Line " + number + ": " + fields.length + " fields where 4 are expected ("
                    + HEADER + "): " + line);
        }
        Instant arrival;
        try {
            arrival = Instant.parse(fields[0].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Line " + number + ": arrival " + fields[0].strip() + " is not an ISO-8601"
                    + " instant such as 2026-01-05T09:00:12Z", e);
        }
        String location = fields[1].strip();
        if (location.isEmpty()) {
            throw new IllegalArgumentException("Line " + number + ": the location is empty");
        }
        String typeName = fields[2].strip().toLowerCase(Locale.ROOT);
        CallType type = CallType.ofWireName(typeName).orElseThrow(() -> new IllegalArgumentException("Line " + number
                + ": call type " + fields[2].strip() + " is not one of " + CallType.wireNames()));
        double seconds;
        try {
            seconds = Double.parseDouble(fields[3].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Line " + number + ": duration_seconds " + fields[3].strip()
                    + " is not a number", e);
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("Line " + number + ": duration_seconds " + fields[3].strip()
                    + " must be above zero");
        }
        return new TraceCall(arrival, location, type, Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
