package dev.confab.management.calls;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stretch of {@link LoadHistory}: sample times, and per location its HD calls in use, its HD call
 * capacity and its free HD calls at each of them ({@code null} where it was not sampled). HD calls in
 * use are media tokens in use / 16, so SD and audio calls and backplanes count as parts of an HD
 * call; capacity and free HD calls are the reachable nodes' as {@code status/v1/system_location}
 * counts them. Immutable.
 */
public record LoadSeries(Duration interval, List<Instant> times, List<Location> locations) {

    public LoadSeries {
        times = List.copyOf(times);
        locations = List.copyOf(locations);
    }

    /** One location's series, each as long as {@link #times()}. */
    public record Location(String name, List<Double> hdCallsInUse, List<Double> maxHdCalls,
                           List<Integer> freeHdCalls) {

        public Location {
            hdCallsInUse = Collections.unmodifiableList(new ArrayList<>(hdCallsInUse));
            maxHdCalls = Collections.unmodifiableList(new ArrayList<>(maxHdCalls));
            freeHdCalls = Collections.unmodifiableList(new ArrayList<>(freeHdCalls));
        }

        static Location of(String name, List<LoadHistory.Point> points) {
            List<Double> inUse = new ArrayList<>(points.size());
            List<Double> max = new ArrayList<>(points.size());
            List<Integer> free = new ArrayList<>(points.size());
            for (LoadHistory.Point point : points) {
                inUse.add(point == null ? null : hd(point.mediaTokensUsed()));
                max.add(point == null ? null : hd(point.maxMediaTokens()));
                free.add(point == null ? null : point.freeHdCalls());
            }
            return new Location(name, inUse, max, free);
        }

        private static double hd(int tokens) {
            return (double) tokens / CallType.TOKENS_PER_HD;
        }
    }
}
