package dev.confab.management.bursting.plan;

import dev.confab.management.bursting.simulation.GuideNineAm;
import dev.confab.management.bursting.simulation.SimulatedPlatform;
import dev.confab.management.bursting.simulation.Trace;
import dev.confab.management.bursting.simulation.TraceCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario {@value GuideNineAm#NAME} on a platform of one's own: every location holding
 * always-on Conferencing Nodes receives the guide's days, scaled to those nodes as the guide's 80 HD
 * calls are to London — its 9:00 (UTC) peak on weekdays three times their HD calls (90% of a
 * platform of always-on to overflow capacity 30:70), on 20% of that peak all day. Each location draws
 * its calls with its own seed, from {@code seed} on, in the platform's order. Immutable.
 */
public record GuideOnPlatform(int days, long seed) {

    /** The guide's always-on HD calls, to which a location's are scaled. */
    private static final double GUIDE_ALWAYS_ON_HD = 80;

    public GuideOnPlatform {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("The scenario runs from 1 to 366 days, not " + days);
        }
    }

    /** The calls of every location that holds always-on nodes, from Monday 2026-01-05. */
    public Trace trace(SimulatedPlatform platform) {
        Map<String, Integer> alwaysOn = new LinkedHashMap<>();
        for (SimulatedPlatform.Place place : platform.places()) {
            int hd = platform.machines().stream().filter(machine -> !machine.bursting()
                    && machine.place().equals(place.name())).mapToInt(SimulatedPlatform.Machine::hdCalls).sum();
            if (hd > 0) {
                alwaysOn.put(place.name(), hd);
            }
        }
        if (alwaysOn.isEmpty()) {
            throw new IllegalArgumentException("No location holds an always-on Conferencing Node, so the scenario "
                    + GuideNineAm.NAME + " has no location to send calls to: add transcoding Conferencing Nodes that"
                    + " are not overflow nodes, or replay a trace.");
        }
        List<TraceCall> calls = new ArrayList<>();
        Trace last = null;
        long drawn = seed;
        for (Map.Entry<String, Integer> location : alwaysOn.entrySet()) {
            last = new GuideNineAm(days, location.getValue() / GUIDE_ALWAYS_ON_HD, drawn++).trace();
            for (TraceCall call : last.calls()) {
                calls.add(new TraceCall(call.arrival(), location.getKey(), call.type(), call.duration()));
            }
        }
        return new Trace(last.start(), last.end(), calls);
    }
}
