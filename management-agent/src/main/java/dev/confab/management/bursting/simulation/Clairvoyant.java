package dev.confab.management.bursting.simulation;

import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clairvoyant minimum of overflow instance-hours for a trace: every overflow location runs, at
 * each second, the fewest of its nodes (largest first) whose HD calls cover the calls that second
 * that its own capacity and the always-on capacity of the locations overflowing first to it cannot
 * hold (pooled in media tokens, as if calls could move between nodes), each node started exactly
 * {@code ahead} before it is first needed and stopped the second it is no longer needed — no
 * minimum lifetime, no threshold, no rejected call. Computed second by second over the trace's period.
 */
public final class Clairvoyant {

    private Clairvoyant() {
    }

    /** Instance-hours of the clairvoyant schedule, all overflow locations together. */
    public static double instanceHours(SimulatedPlatform platform, Trace trace, Duration ahead) {
        int seconds = (int) Math.min(Integer.MAX_VALUE - 1, Duration.between(trace.start(), trace.end()).toSeconds() + 1);
        Map<String, long[]> demand = new HashMap<>();
        for (TraceCall call : trace.calls()) {
            long[] tokens = demand.computeIfAbsent(call.location(), place -> new long[seconds + 1]);
            int from = second(trace, call.arrival().toEpochMilli(), seconds);
            int to = second(trace, call.end().toEpochMilli(), seconds);
            tokens[from] += call.type().tokens();
            tokens[to] -= call.type().tokens();
        }
        demand.values().forEach(Clairvoyant::accumulate);
        Map<String, Integer> alwaysOn = platform.alwaysOnHdCalls();
        double total = 0;
        for (SimulatedPlatform.Place overflow : platform.places()) {
            List<Integer> capacities = new ArrayList<>();
            platform.machines().stream().filter(machine -> machine.bursting() && machine.place().equals(overflow.name()))
                    .map(SimulatedPlatform.Machine::hdCalls).sorted(Comparator.reverseOrder()).forEach(capacities::add);
            if (capacities.isEmpty()) {
                continue;
            }
            long[] need = new long[seconds];
            List<String> feeding = new ArrayList<>(List.of(overflow.name()));
            platform.places().stream().filter(place -> overflow.name().equals(place.primaryOverflow()))
                    .forEach(place -> feeding.add(place.name()));
            for (String place : feeding) {
                long[] tokens = demand.get(place);
                if (tokens == null) {
                    continue;
                }
                long own = (long) alwaysOn.getOrDefault(place, 0) * CallType.TOKENS_PER_HD;
                for (int s = 0; s < seconds; s++) {
                    need[s] += Math.max(0, tokens[s] - own);
                }
            }
            int[] nodes = new int[seconds];
            for (int s = 0; s < seconds; s++) {
                nodes[s] = nodesFor(need[s], capacities);
            }
            total += aheadSeconds(nodes, (int) ahead.toSeconds()) / 3600.0;
        }
        return total;
    }

    /** Σ over seconds t of the most nodes needed in [t, t + ahead]: each started {@code ahead} early. */
    private static long aheadSeconds(int[] nodes, int ahead) {
        ArrayDeque<Integer> window = new ArrayDeque<>();
        long sum = 0;
        int next = 0;
        for (int t = 0; t < nodes.length; t++) {
            for (; next < nodes.length && next <= t + ahead; next++) {
                while (!window.isEmpty() && nodes[window.peekLast()] <= nodes[next]) {
                    window.pollLast();
                }
                window.addLast(next);
            }
            while (window.peekFirst() < t) {
                window.pollFirst();
            }
            sum += nodes[window.peekFirst()];
        }
        return sum;
    }

    private static int nodesFor(long tokens, List<Integer> capacities) {
        int count = 0;
        long covered = 0;
        for (int hd : capacities) {
            if (covered >= tokens) {
                break;
            }
            covered += (long) hd * CallType.TOKENS_PER_HD;
            count++;
        }
        return count;
    }

    private static void accumulate(long[] deltas) {
        for (int s = 1; s < deltas.length; s++) {
            deltas[s] += deltas[s - 1];
        }
    }

    private static int second(Trace trace, long millis, int seconds) {
        long s = (millis - trace.start().toEpochMilli()) / 1000;
        return (int) Math.max(0, Math.min(seconds, s));
    }
}
