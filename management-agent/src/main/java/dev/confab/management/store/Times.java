package dev.confab.management.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The API's time format: UTC {@code YYYY-MM-DDTHH:MM:SS.ffffff}, which also sorts as text. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private Times() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * {@code text} in the API format when it is a time in any form {@link #parse} reads (a node
     * reports an ISO instant, such as {@code 2026-01-31T12:00:00.123456789Z}); else {@code text} as
     * it is, and null for null.
     */
    public static String reformat(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            return format(parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /**
     * Parses the API format, also without fraction or with a zone ({@code Z} or an offset).
     *
     * @throws DateTimeParseException when the text is not a time
     */
    public static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
