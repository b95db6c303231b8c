package dev.confab.management.health;

import java.time.Instant;

/**
 * A change in a node's health that the store records: contact lost (raise the alarm), contact
 * restored (clear it), or a newer configuration revision applied (a line in the administrator log).
 */
public record HealthEvent(Kind kind, long nodeId, Instant time, long revision) {

    /** What happened. */
    public enum Kind { CONTACT_LOST, CONTACT_RESTORED, REVISION_APPLIED }
}
