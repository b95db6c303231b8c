package dev.confab.management.calls;

import dev.confab.shared.wire.LocationLoad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each location's load against its capacity over the last hours, for the Cloud Bursting chart: one
 * sample per location every {@link #interval()}, in memory, the oldest dropped once {@link #kept()}
 * has passed, so it holds at most {@code kept / interval} samples whatever the uptime. A restarted
 * Management Node starts with none. Thread-safe.
 */
public final class LoadHistory {

    /** One location's figures at one instant, in media tokens as the nodes report them. */
    record Point(int maxMediaTokens, int mediaTokensUsed, int freeHdCalls) {
    }

    private record Sample(Instant at, Map<String, Point> locations) {
    }

    private final Duration interval;
    private final Duration kept;
    private final int capacity;
    private final Deque<Sample> samples;

    /**
     * @param interval how often a sample is taken
     * @param kept     how far back samples are kept; at least one interval
     */
    public LoadHistory(Duration interval, Duration kept) {
        if (interval.isNegative() || interval.isZero() || kept.compareTo(interval) < 0) {
            throw new IllegalArgumentException("Load history needs a positive interval (" + interval
                    + ") no longer than the time it keeps (" + kept + ")");
        }
        this.interval = interval;
        this.kept = kept;
        this.capacity = (int) Math.max(1, kept.toMillis() / interval.toMillis());
        this.samples = new ArrayDeque<>(capacity);
    }

    public Duration interval() {
        return interval;
    }

    public Duration kept() {
        return kept;
    }

    /** Most samples ever held at once. */
    public int capacity() {
        return capacity;
    }

    /**
     * Records the locations' load at {@code at}. A sample at the newest sample's instant replaces it
     * (one sample per instant); one older than the newest is ignored.
     */
    public synchronized void record(Instant at, List<LocationLoad> locations) {
        if (!samples.isEmpty() && at.isBefore(samples.peekLast().at())) {
            return;
        }
        if (!samples.isEmpty() && at.equals(samples.peekLast().at())) {
            samples.removeLast();
        }
        Map<String, Point> points = new LinkedHashMap<>();
        for (LocationLoad location : locations) {
            points.put(location.name(), new Point(location.maxMediaTokens(), location.mediaTokensUsed(),
                    location.freeHdCalls()));
        }
        samples.addLast(new Sample(at, Map.copyOf(points)));
        while (samples.size() > capacity || samples.peekFirst().at().isBefore(at.minus(kept))) {
            samples.removeFirst();
        }
    }

    /**
     * The samples taken at or after {@code from}, oldest first, as one series per location (in name
     * order) aligned on their times: a location absent from a sample (not yet added, or deleted) has
     * {@code null} there.
     */
    public synchronized LoadSeries since(Instant from) {
        List<Sample> chosen = samples.stream().filter(sample -> !sample.at().isBefore(from)).toList();
        TreeSet<String> names = new TreeSet<>();
        chosen.forEach(sample -> names.addAll(sample.locations().keySet()));
        List<Instant> times = chosen.stream().map(Sample::at).toList();
        List<LoadSeries.Location> locations = new ArrayList<>();
        for (String name : names) {
            List<Point> points = new ArrayList<>(chosen.size());
            chosen.forEach(sample -> points.add(sample.locations().get(name)));
            locations.add(LoadSeries.Location.of(name, points));
        }
        return new LoadSeries(interval, times, locations);
    }
}
