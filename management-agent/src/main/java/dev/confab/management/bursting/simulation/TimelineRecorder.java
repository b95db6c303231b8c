package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Records a replay interval by interval as it runs, in simulated time that only moves forward:
 * media tokens in use and of the nodes taking calls (the most at any moment of each interval, a value
 * carried into the intervals where it does not change), starts and rejected calls. Tells a
 * {@link Progress} of each interval it enters. Not thread-safe; used by one replay.
 */
final class TimelineRecorder {

    private final long start;
    private final long interval;
    private final long[] inUse;
    private final long[] capacity;
    private final int[] starts;
    private final int[] rejected;
    private final Progress progress;
    private final int replay;
    private long tokensInUse;
    private long capacityTokens;
    private int sample;

    /**
     * @param capacityTokens media tokens of the nodes taking calls at the start (the always-on nodes)
     * @param progress       told of each interval entered, or null
     * @param replay         which replay of {@code progress} this is
     */
    TimelineRecorder(Instant start, Instant end, Duration interval, long capacityTokens, Progress progress, int replay) {
        this.start = start.toEpochMilli();
        this.interval = interval.toMillis();
        int samples = Timeline.samples(start, end, interval);
        this.inUse = new long[samples];
        this.capacity = new long[samples];
        this.starts = new int[samples];
        this.rejected = new int[samples];
        this.progress = progress;
        this.replay = replay;
        this.capacityTokens = capacityTokens;
        this.capacity[0] = capacityTokens;
    }

    /** The most HD calls in progress in {@code trace} at any moment of each interval; a call ending frees its room first. */
    static List<Double> offered(Trace trace, Duration interval) {
        record Change(long at, int tokens) {
        }
        List<Change> changes = new ArrayList<>(trace.calls().size() * 2);
        for (TraceCall call : trace.calls()) {
            changes.add(new Change(call.arrival().toEpochMilli(), call.type().tokens()));
            changes.add(new Change(call.end().toEpochMilli(), -call.type().tokens()));
        }
        changes.sort(Comparator.comparingLong(Change::at).thenComparingInt(Change::tokens));
        TimelineRecorder recorder = new TimelineRecorder(trace.start(), trace.end(), interval, 0, null, 0);
        for (Change change : changes) {
            if (change.tokens() > 0) {
                recorder.placed(change.at(), change.tokens());
            } else {
                recorder.released(change.at(), -change.tokens());
            }
        }
        return hd(recorder.finish("offered").inUseTokens());
    }

    void placed(long at, int tokens) {
        enter(at);
        tokensInUse += tokens;
        inUse[sample] = Math.max(inUse[sample], tokensInUse);
    }

    void released(long at, int tokens) {
        enter(at);
        tokensInUse -= tokens;
    }

    /** The nodes taking calls gained ({@code tokens} above 0) or lost room. */
    void capacity(long at, long tokens) {
        enter(at);
        capacityTokens += tokens;
        capacity[sample] = Math.max(capacity[sample], capacityTokens);
    }

    void started(long at) {
        enter(at);
        starts[sample]++;
    }

    void rejected(long at) {
        enter(at);
        rejected[sample]++;
    }

    /** The timeline, every interval up to the end filled. */
    Recorded finish(String policy) {
        enterSample(inUse.length - 1);
        return new Recorded(policy, inUse.clone(), capacity.clone(), starts.clone(), rejected.clone());
    }

    /** What was recorded, in media tokens. */
    record Recorded(String policy, long[] inUseTokens, long[] capacityTokens, int[] starts, int[] rejected) {

        Timeline timeline() {
            List<Integer> started = new ArrayList<>();
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < starts.length; i++) {
                started.add(starts[i]);
                refused.add(rejected[i]);
            }
            return new Timeline(policy, hd(inUseTokens), hd(capacityTokens), started, refused);
        }
    }

    private void enter(long at) {
        enterSample((int) Math.max(0, Math.min(inUse.length - 1, (at - start) / interval)));
    }

    private void enterSample(int next) {
        if (next <= sample) {
            return;
        }
        if (progress != null) {
            progress.reached(replay, start + next * interval);
        }
        while (sample < next) {
            sample++;
            inUse[sample] = tokensInUse;
            capacity[sample] = capacityTokens;
        }
    }

    private static List<Double> hd(long[] tokens) {
        List<Double> hd = new ArrayList<>(tokens.length);
        for (long value : tokens) {
            hd.add(value / (double) CallType.TOKENS_PER_HD);
        }
        return hd;
    }
}
