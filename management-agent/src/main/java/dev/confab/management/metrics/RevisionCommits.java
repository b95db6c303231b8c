package dev.confab.management.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * When each of the most recent configuration revisions was committed, in a ring of fixed size: a
 * revision older than the ring holds is forgotten. Thread-safe.
 */
final class RevisionCommits {

    private final long[] revisions;
    private final Instant[] times;

    RevisionCommits(int kept) {
        revisions = new long[kept];
        times = new Instant[kept];
    }

    synchronized void committed(long revision, Instant when) {
        int slot = slot(revision);
        if (revisions[slot] != revision) {
            // a revision of several changes is announced once per change: the first is its commit
            revisions[slot] = revision;
            times[slot] = when;
        }
    }

    /** When {@code revision} was committed, if it is among those kept. */
    synchronized Optional<Instant> committedAt(long revision) {
        int slot = slot(revision);
        return revisions[slot] == revision ? Optional.ofNullable(times[slot]) : Optional.empty();
    }

    private int slot(long revision) {
        return (int) Math.floorMod(revision, (long) revisions.length);
    }
}
