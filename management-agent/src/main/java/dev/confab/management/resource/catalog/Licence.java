package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.time.Instant;
import java.util.Optional;

/**
 * A licence ({@code licence}) as stored: concurrent call capacity and its validity. Immutable.
 *
 * @param startDate      start of validity; set when the licence is written
 * @param expirationDate end of validity; empty for a licence that does not expire
 * @param activatable    activatable (system) licences it includes
 */
public record Licence(long id, String fulfillmentId, String description, int concurrent, int audio,
                      Optional<Instant> startDate, Optional<Instant> expirationDate, int activatable) {

    /** The licence as the engine stored it. */
    public static Licence of(StoredRow row) {
        return new Licence(row.id(), row.text("fulfillment_id"), row.text("description"), row.integer("concurrent"),
                row.integer("audio"), row.optionalTime("start_date"), row.optionalTime("expiration_date"),
                row.integer("activatable"));
    }

    /** Whether the licence counts at {@code now}: started, and not expired. */
    public boolean isActive(Instant now) {
        return startDate.map(start -> !start.isAfter(now)).orElse(true)
                && expirationDate.map(end -> end.isAfter(now)).orElse(true);
    }
}
