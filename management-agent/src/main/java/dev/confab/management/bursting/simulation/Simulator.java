package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingPolicy;
import dev.confab.management.bursting.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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

    /**
     * As {@link #compare}, with what happened over time, sampled every {@link Timeline#intervalFor}
     * of the trace's period; {@code progress} (made for {@code policies.size()} replays of the trace's
     * period) follows the replays and may stop them.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} was cancelled
     */
    public ComparisonOverTime compareOverTime(SimulatedPlatform platform, Trace trace, List<SimulatedPolicy> policies,
                                              Progress progress) {
        Replay.requireKnownLocations(platform, trace);
        Duration interval = Timeline.intervalFor(trace.start(), trace.end());
        long alwaysOn = platform.nodes().stream().filter(node -> !node.bursting()).mapToLong(Node::capacityTokens).sum();
        List<TimelineRecorder.Recorded> recorded = new ArrayList<>(Collections.nCopies(policies.size(), null));
        List<PolicyResult> results = IntStream.range(0, policies.size()).parallel().mapToObj(index -> {
            TimelineRecorder timeline = new TimelineRecorder(trace.start(), trace.end(), interval, alwaysOn, progress,
                    index);
            PolicyResult result = new Replay(platform, trace, policies.get(index), arrivalWindow, seed, action -> { },
                    timeline).run();
            recorded.set(index, timeline.finish(result.name()));
            return result;
        }).toList();
        Comparison comparison = new Comparison(trace.calls().size(), trace.start(), trace.end(), results,
                Clairvoyant.instanceHours(platform, trace, ahead));
        return new ComparisonOverTime(comparison, interval, TimelineRecorder.offered(trace, interval),
                recorded.stream().map(TimelineRecorder.Recorded::timeline).toList());
    }
}
