package dev.confab.management.bursting;

import java.util.Objects;
import java.util.Optional;

/**
 * A system location as the bursting policy sees it: its name and the locations it overflows to.
 * Immutable.
 *
 * @param primaryOverflow   id of the location that takes media when this one is at capacity; the
 *                          policy starts overflow nodes there
 * @param secondaryOverflow id of the location tried after the primary; the policy never starts its
 *                          nodes for this location, calls only use those already running
 */
public record Location(long id, String name, Optional<Long> primaryOverflow, Optional<Long> secondaryOverflow) {

    public Location {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryOverflow, "primaryOverflow");
        Objects.requireNonNull(secondaryOverflow, "secondaryOverflow");
    }

    /** A location that overflows nowhere. */
    public static Location of(long id, String name) {
        return new Location(id, name, Optional.empty(), Optional.empty());
    }
}
