package dev.confab.bench.bursting;

import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.CloudInstance;
import dev.confab.management.bursting.Ec2Error;
import dev.confab.management.bursting.InstanceState;
import dev.confab.management.bursting.Location;
import dev.confab.management.bursting.Node;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.shared.capacity.CallType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A platform for the bursting policy's benchmark: half the locations monitored, each with its
 * always-on nodes, overflowing first to an overflow location of its own and then to the next one;
 * every third of them busy, with its overflow location all stopped. The other half are overflow
 * locations of bursting nodes, some stopped, some starting, some running with calls, some idle
 * past the minimum lifetime. Loads come from a seeded random: every run decides on the same platform.
 */
final class GeneratedPlatform {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final int NODE_TOKENS = 17 * CallType.TOKENS_PER_HD;

    private GeneratedPlatform() {
    }

    /** {@code locations} locations (even) holding {@code nodes} nodes in all, half of them overflow nodes. */
    static BurstingInput of(int locations, int nodes, long seed) {
        if (locations < 2 || locations % 2 != 0 || nodes % locations != 0) {
            throw new IllegalArgumentException("Give an even number of locations that divides the number of nodes");
        }
        Random random = new Random(seed);
        int pairs = locations / 2;
        int perLocation = nodes / locations;
        List<Location> locationList = new ArrayList<>();
        List<Node> nodeList = new ArrayList<>();
        List<NodeLoad> loads = new ArrayList<>();
        List<CloudInstance> instances = new ArrayList<>();
        long nodeId = 1;
        for (int pair = 0; pair < pairs; pair++) {
            long monitored = pair + 1L;
            long overflow = pairs + pair + 1L;
            long secondary = pairs + (pair + 1) % pairs + 1L;
            locationList.add(new Location(monitored, "location-" + pair, Optional.of(overflow),
                    Optional.of(secondary).filter(id -> id != overflow)));
            locationList.add(Location.of(overflow, "overflow-" + pair));
            for (int i = 0; i < perLocation; i++, nodeId++) {
                nodeList.add(new Node(nodeId, "location-" + pair + "-" + i, monitored, false, NODE_TOKENS, i == 0));
                // every third monitored location is busy, near or past its threshold
                int callsHd = pair % 3 == 0 ? 16 + random.nextInt(2) : random.nextInt(18);
                loads.add(new NodeLoad(nodeId, callsHd * CallType.TOKENS_PER_HD, callsHd == 0 ? 0 : 1 + callsHd / 4,
                        NOW.minusSeconds(random.nextInt(12))));
            }
            for (int i = 0; i < perLocation; i++, nodeId++) {
                nodeList.add(new Node(nodeId, "overflow-" + pair + "-" + i, overflow, true, NODE_TOKENS, false));
                // … and its overflow location has no node up yet
                instances.add(pair % 3 == 0 ? CloudInstance.stopped("i-" + pair + "-" + i, nodeId)
                        : overflowNode(nodeId, "i-" + pair + "-" + i, random, loads));
            }
        }
        List<Ec2Error> errors = List.of(
                new Ec2Error(NOW.minusSeconds(200), "StartInstances", Optional.of("i-3-7"), "InsufficientInstanceCapacity"),
                new Ec2Error(NOW.minusSeconds(90), "DescribeInstances", Optional.empty(), "RequestLimitExceeded"));
        BurstingSettings settings = BurstingSettings.defaults().withEnabled(true).withMaxOverflowNodes(nodes);
        return new BurstingInput(locationList, nodeList, loads, instances, errors, settings,
                NOW.minus(Duration.ofHours(6)), NOW);
    }

    private static CloudInstance overflowNode(long nodeId, String instanceId, Random random, List<NodeLoad> loads) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return CloudInstance.stopped(instanceId, nodeId);
        }
        if (kind == 6) {
            Instant requested = NOW.minusSeconds(30 + random.nextInt(300));
            return new CloudInstance(instanceId, nodeId, InstanceState.PENDING, Optional.of(requested),
                    Optional.of(requested), Optional.empty());
        }
        Instant launched = NOW.minus(Duration.ofMinutes(10 + random.nextInt(120)));
        int callsHd = kind == 7 ? 0 : random.nextInt(18);
        loads.add(new NodeLoad(nodeId, callsHd * CallType.TOKENS_PER_HD, callsHd == 0 ? 0 : 1,
                NOW.minusSeconds(random.nextInt(12))));
        return new CloudInstance(instanceId, nodeId, InstanceState.RUNNING, Optional.of(launched),
                Optional.of(launched), Optional.empty());
    }
}
