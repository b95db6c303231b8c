package dev.confab.management.resource.catalog;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The licences in use now, as {@code status/licensing} counts them: the component that admits
 * calls tells it of each use that starts and ends ({@link #started}, {@link #ended}), or sets the
 * counts at once after counting its calls again ({@link #recount}). Until something feeds it, every
 * count is 0. Thread-safe.
 */
public final class LicenceUsage {

    /** What a call in progress, or a registered system, holds of the licence. */
    public enum Use {
        /** A port: a video call, or an audio-only call beyond the audio licences. */
        PORT,
        /** An audio-only call within the audio licences. */
        AUDIO,
        /** A registered system (device). */
        SYSTEM
    }

    private final Map<Use, AtomicLong> inUse = new EnumMap<>(Use.class);

    public LicenceUsage() {
        for (Use use : Use.values()) {
            inUse.put(use, new AtomicLong());
        }
    }

    /** One more {@code use} is held. */
    public void started(Use use) {
        inUse.get(use).incrementAndGet();
    }

    /** One {@code use} is given back; the count never goes below 0. */
    public void ended(Use use) {
        inUse.get(use).updateAndGet(count -> Math.max(0, count - 1));
    }

    /** Sets every count at once, as a component that has counted its calls again knows them. */
    public void recount(long ports, long audio, long systems) {
        inUse.get(Use.PORT).set(Math.max(0, ports));
        inUse.get(Use.AUDIO).set(Math.max(0, audio));
        inUse.get(Use.SYSTEM).set(Math.max(0, systems));
    }

    /** How many of {@code use} are held now. */
    public long inUse(Use use) {
        return inUse.get(use).get();
    }
}
