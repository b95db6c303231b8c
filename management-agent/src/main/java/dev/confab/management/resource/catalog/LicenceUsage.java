package dev.confab.management.resource.catalog;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The licences in use now, as {@code status/licensing} counts them, read from the component that
 * admits calls ({@link #countFrom}) each time the status is read. Until one is set, every count is 0.
 * Thread-safe.
 */
public final class LicenceUsage {

    /** What a call in progress, or a registered system, holds of the licence. */
    public enum Use {
        /** A port: a video call, or an audio-only call beyond the audio licences. */
        PORT,
        /** An audio-only call within the audio licences. */
        AUDIO,
        /** A registered system (device); Confab takes no registrations. */
        SYSTEM
    }

    private volatile ToLongFunction<Use> source = use -> 0;

    /** Counts from {@code counts} from now on. */
    public void countFrom(ToLongFunction<Use> counts) {
        source = Objects.requireNonNull(counts, "counts");
    }

    /** How many of {@code use} are held now, never below 0. */
    public long inUse(Use use) {
        return Math.max(0, source.applyAsLong(use));
    }
}
