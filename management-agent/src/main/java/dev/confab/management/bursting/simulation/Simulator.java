package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The replay simulator: replays a trace of calls on a simulated platform through each policy to
 * compare — the very {@link BurstingPolicy} the Management Node runs, asked after every call
 * arrival and end, every node event and every 10 s — and reports what each did, beside the
 * clairvoyant minimum. Deterministic: the same seed draws the same boot times. Pure (no clock, no
 * file, no thread); thread-safe.
 *
 * @param arrivalWindow how far back the arrival rate given to the policy looks (5 minutes)
 * @param ahead         how early the clairvoyant schedule starts a node (5 minutes, the guide's start time)
 */
public record Simulator(Duration arrivalWindow, Duration ahead, long seed) {

    public Simulator {
        Objects.requireNonNull(arrivalWindow, "arrivalWindow");
        Objects.requireNonNull(ahead, "ahead");
        if (arrivalWindow.isNegative() || arrivalWindow.isZero()) {
            throw new IllegalArgumentException("The arrival window must be longer than zero");
        }
    }

    /** A 5-minute arrival window, the clairvoyant 5 minutes ahead, and {@code seed}. */
    public static Simulator withSeed(long seed) {
        return new Simulator(Duration.ofMinutes(5), Duration.ofMinutes(5), seed);
    }

    /** One policy over the trace; {@code listener} hears every start and stop the policy decided. */
    public PolicyResult replay(SimulatedPlatform platform, Trace trace, SimulatedPolicy policy,
                               Consumer<ReplayedAction> listener) {
        return new Replay(platform, trace, policy, arrivalWindow, seed, listener).run();
    }

    /**
     * Every policy over the same trace, each with the same seed, and the clairvoyant minimum. The
     * replays run side by side on the common fork-join pool (each is independent and deterministic).
     */
    public Comparison compare(SimulatedPlatform platform, Trace trace, List<SimulatedPolicy> policies) {
        Replay.requireKnownLocations(platform, trace);
        List<PolicyResult> results = policies.parallelStream()
                .map(policy -> replay(platform, trace, policy, action -> { })).toList();
        return new Comparison(trace.calls().size(), trace.start(), trace.end(), results,
                Clairvoyant.instanceHours(platform, trace, ahead));
    }
}
