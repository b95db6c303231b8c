package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.PlanAhead;
import dev.confab.management.bursting.PrewarmSchedule;
import dev.confab.shared.capacity.CallType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scenario {@code guide-9am}, after the deployment guide's example: London holds 80 HD calls of
 * always-on nodes (5 × 16) and overflows to "AWS overflow", whose 11 overflow nodes of 17 HD calls
 * hold the rest (always-on to overflow capacity 30:70); threshold 12, minimum lifetime 50 minutes.
 * The load peaks at 90% of the total capacity at 9:00 (UTC) every weekday — meetings joining around
 * 9:00 (normally spread, 3 minutes' deviation) that last 30 or 60 minutes — on top of 20% of that
 * peak all day, every day (calls of 20 minutes on average, exponentially distributed). Calls are 70% HD,
 * 20% SD and 10% audio. The trace starts on Monday 2026-01-05. {@code scale} multiplies the load and
 * the platform together (2 doubles both).
 */
public final class GuideNineAm {

    /** The scenario's name on the command line. */
    public static final String NAME = "guide-9am";
    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final String LONDON = "London";
    private static final String OVERFLOW = "AWS overflow";
    private static final int NODE_HD = 17;
    private static final double ALWAYS_ON_HD = 80;
    private static final double PEAK_SHARE = 0.9;
    private static final double BASE_SHARE = 0.2;
    private static final double BASE_MEAN_MINUTES = 20;
    private static final double SPIKE_SPREAD_MINUTES = 3;
    private static final double MEAN_HD = 0.7 * CallType.HD.hdWeight() + 0.2 * CallType.SD.hdWeight()
            + 0.1 * CallType.AUDIO.hdWeight();
    private static final double PRICE_PER_HOUR = 0.34;

    private final int days;
    private final double scale;
    private final long seed;

    /**
     * @param days  days to simulate, from Monday
     * @param scale load and platform together, 1 for the guide's example
     */
    public GuideNineAm(int days, double scale, long seed) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("--days " + days + ": simulate from 1 to 366 days");
        }
        if (!(scale > 0) || scale > 1000) {
            throw new IllegalArgumentException("The scale " + scale + " must be above 0 and at most 1000");
        }
        this.days = days;
        this.scale = scale;
        this.seed = seed;
    }

    /** The scale at which the scenario makes about {@code callsPerDay} calls a day over a week. */
    public static double scaleFor(int callsPerDay) {
        if (callsPerDay < 1) {
            throw new IllegalArgumentException("--calls-per-day " + callsPerDay + " must be at least 1");
        }
        return callsPerDay / new GuideNineAm(7, 1, 1).expectedCallsPerDay();
    }

    private double alwaysOnHd() {
        return ALWAYS_ON_HD * scale;
    }

    private double peakHd() {
        return PEAK_SHARE * alwaysOnHd() / 0.3;
    }

    private double expectedCallsPerDay() {
        double base = BASE_SHARE * peakHd() / MEAN_HD / BASE_MEAN_MINUTES * 1440;
        double spike = (1 - BASE_SHARE) * peakHd() / MEAN_HD;
        return base + spike * 5 / 7;
    }

    public SimulatedPlatform platform() {
        List<SimulatedPlatform.Machine> machines = new ArrayList<>();
        int alwaysOn = (int) Math.round(alwaysOnHd());
        int alwaysOnNodes = (alwaysOn + NODE_HD - 1) / NODE_HD;
        for (int i = 0; i < alwaysOnNodes; i++) {
            machines.add(new SimulatedPlatform.Machine(String.format("london-%02d", i + 1), LONDON, false,
                    alwaysOn / alwaysOnNodes + (i < alwaysOn % alwaysOnNodes ? 1 : 0)));
        }
        for (int i = 0; i < overflowNodes(); i++) {
            machines.add(new SimulatedPlatform.Machine(String.format("aws-%02d", i + 1), OVERFLOW, true, NODE_HD));
        }
        return new SimulatedPlatform(List.of(new SimulatedPlatform.Place(LONDON, OVERFLOW, null),
                new SimulatedPlatform.Place(OVERFLOW, null, null)), machines, BootTimes.guide(),
                new Billing(Billing.Mode.PER_SECOND, PRICE_PER_HOUR));
    }

    /** Overflow capacity 70:30 to always-on in whole nodes, and at least one however small the scale. */
    private int overflowNodes() {
        return Math.max(1, (int) Math.round(alwaysOnHd() * 0.7 / 0.3 / NODE_HD));
    }

    /**
     * The guide's fixed threshold; the latency-aware threshold with keep or stop; each of them with a
     * pre-warm schedule of the nodes the peak needs beyond the always-on capacity, from 8:50 (as the
     * guide suggests) until 9:25, then one node fewer every 5 minutes.
     */
    public List<SimulatedPolicy> policies() {
        SimulatedPlatform platform = platform();
        BurstingSettings guide = BurstingSettings.defaults().withEnabled(true).withThreshold(12)
                .withMaxOverflowNodes(overflowNodes());
        BurstingSettings aware = guide.withPlanAhead(PlanAhead.off().withLatencyAware(true)
                .withWeighRestart(true, platform.billing().minimumPerStart(), 0.5));
        int prewarmNodes = Math.max(1, (int) Math.ceil((peakHd() - alwaysOnHd()) / NODE_HD));
        PrewarmSchedule nine = new PrewarmSchedule("weekday 9:00", platform.locationId(OVERFLOW),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), ZoneOffset.UTC,
                Math.min(prewarmNodes, overflowNodes()), Duration.ofMinutes(10), Duration.ofMinutes(25),
                Duration.ofMinutes(5));
        return List.of(new SimulatedPolicy("fixed threshold 12", guide, List.of()),
                new SimulatedPolicy("latency-aware", aware, List.of()),
                new SimulatedPolicy("pre-warm + fixed threshold 12", guide, List.of(nine)),
                new SimulatedPolicy("pre-warm + latency-aware", aware, List.of(nine)));
    }

    /** The calls of the scenario's days, drawn with its seed. */
    public Trace trace() {
        SplittableRandom random = new SplittableRandom(seed);
        List<TraceCall> calls = new ArrayList<>();
        long end = MONDAY.plus(Duration.ofDays(days)).toEpochMilli();
        double baseRatePerMilli = BASE_SHARE * peakHd() / MEAN_HD / BASE_MEAN_MINUTES / 60_000;
        for (long at = MONDAY.toEpochMilli() + Math.round(exponential(random, 1 / baseRatePerMilli)); at < end;
             at += Math.round(exponential(random, 1 / baseRatePerMilli))) {
            double minutes = Math.min(240, Math.max(0.5, exponential(random, BASE_MEAN_MINUTES)));
            calls.add(call(random, at, Duration.ofMillis(Math.round(minutes * 60_000))));
        }
        int spikeCalls = (int) Math.round((1 - BASE_SHARE) * peakHd() / MEAN_HD);
        for (int day = 0; day < days; day++) {
            Instant nine = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
            DayOfWeek weekday = nine.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int i = 0; i < spikeCalls; i++) {
                double offset = Math.max(-10, Math.min(10, gaussian(random) * SPIKE_SPREAD_MINUTES));
                double minutes = (random.nextBoolean() ? 30 : 60) + random.nextDouble(-2, 2);
                long at = nine.toEpochMilli() + Math.round(offset * 60_000);
                calls.add(call(random, at, Duration.ofMillis(Math.round(minutes * 60_000))));
            }
        }
        return new Trace(MONDAY, Instant.ofEpochMilli(end), calls);
    }

    private static TraceCall call(SplittableRandom random, long at, Duration duration) {
        double draw = random.nextDouble();
        CallType type = draw < 0.7 ? CallType.HD : draw < 0.9 ? CallType.SD : CallType.AUDIO;
        return new TraceCall(Instant.ofEpochMilli(at), LONDON, type, duration);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
