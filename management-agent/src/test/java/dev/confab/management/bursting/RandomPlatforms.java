package dev.confab.management.bursting;

import dev.confab.shared.capacity.CallType;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random platforms and random moments of them, drawn from a seed, for properties of the policy
 * that must hold on any input: one to five locations overflowing anywhere (or nowhere), always-on
 * and overflow nodes with names that may tie, loads fresh, stale or missing, instances in every
 * state with start and stop requests before or after their launch, EC2 errors that may open the
 * circuit breaker, measured starts, arrivals and pre-warm schedules, and settings with every option
 * on or off; now and then an input the policy must refuse (an instance id twice).
 */
final class RandomPlatforms {

    private static final Instant BASE = Instant.parse("2026-01-05T08:30:00Z");
    private static final String[] NAMES = {"a", "b", "c", "london", "paris", "overflow"};

    private final SplittableRandom random;

    RandomPlatforms(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A platform's locations and nodes. */
    record Shape(List<Location> locations, List<Node> nodes) {
    }

    /** Everything of an input but the locations and nodes. */
    record Moment(List<NodeLoad> loads, List<CloudInstance> instances, List<Ec2Error> errors,
                  BurstingSettings settings, Instant observedSince, Instant now, Foresight foresight) {

        BurstingInput on(Shape shape) {
            return new BurstingInput(shape.locations(), shape.nodes(), loads, instances, errors, settings,
                    observedSince, now, foresight);
        }
    }

    /** A platform, its ids close together (as a store gives them) or far apart. */
    Shape shape() {
        boolean sparse = random.nextInt(4) == 0;
        long step = sparse ? 1_000_003L : 3L;
        int locationCount = 1 + random.nextInt(5);
        List<Location> locations = new ArrayList<>();
        for (int i = 1; i <= locationCount; i++) {
            locations.add(new Location(i * step, NAMES[random.nextInt(NAMES.length)] + (random.nextBoolean() ? "" : i),
                    someLocation(locationCount, step, 0.7), someLocation(locationCount, step, 0.3)));
        }
        List<Node> nodes = new ArrayList<>();
        long id = sparse ? -5_000_000_000L : 100;
        for (Location location : locations) {
            int count = random.nextInt(7);
            boolean mixed = random.nextInt(5) == 0;
            boolean bursting = random.nextBoolean();
            for (int i = 0; i < count; i++) {
                id += 1 + (sparse ? random.nextInt(1_000_000_000) : random.nextInt(3));
                int hd = 1 + random.nextInt(20);
                nodes.add(new Node(id, location.name() + "-" + random.nextInt(4), location.id(),
                        mixed ? random.nextBoolean() : bursting,
                        hd * CallType.TOKENS_PER_HD + random.nextInt(CallType.TOKENS_PER_HD),
                        random.nextInt(10) == 0));
            }
        }
        shuffle(nodes);
        return new Shape(locations, nodes);
    }

    Moment moment(Shape shape) {
        Instant now = BASE.plusSeconds(random.nextInt(4 * 3600));
        Instant observedSince = now.minusSeconds(random.nextInt(10) < 2 ? random.nextInt(40) : random.nextInt(7200));
        BurstingSettings settings = settings(shape);
        List<NodeLoad> loads = new ArrayList<>();
        List<CloudInstance> instances = new ArrayList<>();
        List<StartLatency> latencies = new ArrayList<>();
        for (Node node : shape.nodes()) {
            if (random.nextInt(10) < 8) {
                int tokens = random.nextInt(5) == 0 ? 0 : random.nextInt(node.capacityTokens() + 40);
                int conferences = tokens == 0 && random.nextBoolean() ? 0 : random.nextInt(4);
                loads.add(new NodeLoad(node.id(), tokens, conferences, now.minusSeconds(random.nextInt(10) == 0
                        ? 30 + random.nextInt(600) : random.nextInt(31))));
            }
            if ((node.bursting() || random.nextInt(20) == 0) && random.nextInt(10) < 9) {
                instances.add(instance(node, now));
            }
            if (node.bursting() && random.nextInt(4) == 0) {
                latencies.add(new StartLatency(node.id(), Duration.ofSeconds(20 + random.nextInt(100)),
                        Duration.ofSeconds(random.nextInt(400))));
            }
        }
        if (random.nextInt(20) == 0) {
            loads.add(new NodeLoad(99_999, 0, 0, now));
        }
        if (instances.size() >= 2 && random.nextInt(20) == 0) {
            // distinct ids of the same hash ("Aa" and "BB"), or now and then one id twice
            boolean twice = random.nextInt(3) == 0;
            instances.set(0, renamed(instances.get(0), "i-Aa"));
            instances.set(1, renamed(instances.get(1), twice ? "i-Aa" : "i-BB"));
        }
        List<Ec2Error> errors = new ArrayList<>();
        for (int i = random.nextInt(4) == 0 ? random.nextInt(5) : 0; i > 0; i--) {
            Optional<String> instance = instances.isEmpty() || random.nextBoolean() ? Optional.empty()
                    : Optional.of(instances.get(random.nextInt(instances.size())).instanceId());
            errors.add(new Ec2Error(now.minusSeconds(random.nextInt(1200) - 30),
                    random.nextBoolean() ? "StartInstances" : "DescribeInstances", instance,
                    "InsufficientInstanceCapacity"));
        }
        List<Arrivals> arrivals = new ArrayList<>();
        List<PrewarmSchedule> schedules = new ArrayList<>();
        for (Location location : shape.locations()) {
            if (random.nextInt(3) > 0) {
                arrivals.add(new Arrivals(location.id(), random.nextInt(80) / 2.0, random.nextInt(60) / 2.0,
                        Duration.ofMinutes(1 + random.nextInt(5))));
            }
            if (random.nextInt(4) == 0) {
                schedules.add(new PrewarmSchedule("peak " + schedules.size(), location.id(),
                        random.nextBoolean() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                                : EnumSet.of(DayOfWeek.of(1 + random.nextInt(7))),
                        LocalTime.of(8 + random.nextInt(4), 15 * random.nextInt(4)),
                        random.nextBoolean() ? ZoneId.of("UTC") : ZoneId.of("Europe/Paris"), 1 + random.nextInt(6),
                        Duration.ofMinutes(random.nextInt(20)), Duration.ofMinutes(random.nextInt(40)),
                        Duration.ofMinutes(1 + random.nextInt(10))));
            }
        }
        Foresight foresight = random.nextInt(4) == 0 ? Foresight.none()
                : new Foresight(latencies, arrivals, schedules);
        return new Moment(loads, instances, errors, settings, observedSince, now, foresight);
    }

    private BurstingSettings settings(Shape shape) {
        PlanAhead planAhead = PlanAhead.off().withLatencyAware(random.nextBoolean())
                .withAssumedStartLatency(Duration.ofMinutes(1 + random.nextInt(8)))
                .withWeighRestart(random.nextBoolean(), Duration.ofMinutes(random.nextBoolean() ? 1 : 60),
                        0.05 + random.nextInt(19) * 0.05);
        return BurstingSettings.defaults().withEnabled(random.nextInt(5) > 0).withThreshold(random.nextInt(25))
                .withMaxOverflowNodes(random.nextInt(shape.nodes().size() + 2))
                .withMinLifetime(Duration.ofMinutes(1 + random.nextInt(60)))
                .withStartDeadline(Duration.ofMinutes(2 + random.nextInt(10)))
                .withCircuitBreaker(1 + random.nextInt(4), Duration.ofMinutes(1 + random.nextInt(10)),
                        Duration.ofMinutes(1 + random.nextInt(15)))
                .withPlanAhead(planAhead);
    }

    private CloudInstance instance(Node node, Instant now) {
        InstanceState state = InstanceState.values()[random.nextInt(InstanceState.values().length)];
        Optional<Instant> launched = someInstant(now, 0.7);
        Optional<Instant> startRequested = someInstant(now, 0.6);
        Optional<Instant> stopRequested = someInstant(now, 0.3);
        return new CloudInstance("i-" + Long.toHexString(node.id() * 7919), node.id(), state, launched,
                startRequested, stopRequested);
    }

    private static CloudInstance renamed(CloudInstance instance, String id) {
        return new CloudInstance(id, instance.nodeId(), instance.state(), instance.launchedAt(),
                instance.startRequestedAt(), instance.stopRequestedAt());
    }

    private Optional<Instant> someInstant(Instant now, double chance) {
        return random.nextDouble() < chance ? Optional.of(now.minusSeconds(random.nextInt(7200))) : Optional.empty();
    }

    private Optional<Long> someLocation(int count, long step, double chance) {
        return random.nextDouble() < chance ? Optional.of((1 + random.nextInt(count)) * step) : Optional.empty();
    }

    private <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            items.set(i, items.set(j, items.get(i)));
        }
    }
}
