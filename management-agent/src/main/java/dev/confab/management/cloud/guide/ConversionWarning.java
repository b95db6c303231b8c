package dev.confab.management.cloud.guide;

import java.util.List;
import java.util.Objects;

/**
 * Something in the configuration that departs from how the deployment guide sets bursting up, with
 * one sentence that says what and how to put it right. Immutable.
 *
 * @param location the system location concerned
 * @param nodes    the Conferencing Nodes concerned, in name order; empty when the whole location is
 * @param message  what is wrong and what to do, for the operator
 */
public record ConversionWarning(Kind kind, String location, List<String> nodes, String message) {

    /** What departs from the guide. */
    public enum Kind {
        /** A location holds both always-on and overflow (bursting) nodes. */
        MIXED_LOCATION,
        /** An overflow node keeps the distributed database on. */
        DISTRIBUTED_DATABASE,
        /** A location of overflow nodes is some location's secondary overflow location, and no one's primary. */
        SECONDARY_OVERFLOW_ONLY,
        /** A location of overflow nodes is no location's overflow location at all. */
        NOT_AN_OVERFLOW_LOCATION
    }

    public ConversionWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(message, "message");
    }
}
