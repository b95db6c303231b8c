package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.BurstingSettings;
import dev.confab.management.bursting.CloudInstance;
import dev.confab.management.bursting.Foresight;
import dev.confab.management.bursting.InstanceState;
import dev.confab.management.bursting.Location;
import dev.confab.management.bursting.Node;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.management.bursting.PlanAhead;
import dev.confab.management.bursting.PlatformShape;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.Matching;
import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.catalog.BurstingLimits;
import dev.confab.management.resource.catalog.BurstingPlanning;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.shared.capacity.Capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Builds the policy's {@link BurstingInput} from the configuration, the nodes' last reports, EC2's
 * last description and what the scheduler remembers asking of EC2. Pure: everything it reads is
 * given.
 */
final class InputBuilder {

    private static final Set<CloudInstanceState> OVERFLOW_STATES = Set.of(CloudInstanceState.PENDING,
            CloudInstanceState.RUNNING, CloudInstanceState.STOPPING, CloudInstanceState.STOPPED);

    private InputBuilder() {
    }

    /**
     * @param described     EC2's last description, paired with the nodes; empty before the first
     * @param reports       each node's last report since the Management Node started
     * @param staleAfter    when a load report is stale (three heartbeat intervals)
     * @param minLifetime   the minimum lifetime that replaces the settings', if any
     * @param observedSince when this Management Node started taking reports
     * @param foresight     measured starts, recent arrivals and pre-warm schedules of the platform
     * @param previous      the shape of the previous run, if any: kept while the locations and nodes are the same
     */
    static Round build(PlatformView view, Optional<Described> described, LongFunction<Optional<NodeReport>> reports,
                       Ec2Memory memory, Duration staleAfter, Optional<Duration> minLifetime, Instant observedSince,
                       Instant now, Foresight foresight, Optional<PlatformShape> previous) {
        BurstingSettings settings = settings(view, staleAfter, minLifetime);
        List<Location> locations = view.locations().stream().map(InputBuilder::location).toList();
        Map<Long, dev.confab.management.cloud.CloudInstance> paired = new HashMap<>();
        described.ifPresent(found -> found.matching().matches().stream()
                .filter(match -> OVERFLOW_STATES.contains(match.instance().state()))
                .forEach(match -> paired.put(match.node().id(), match.instance())));
        List<Node> nodes = new ArrayList<>();
        List<NodeLoad> loads = new ArrayList<>();
        List<CloudInstance> instances = new ArrayList<>();
        Map<Long, Integer> capacities = new HashMap<>();
        for (WorkerVm vm : view.nodes()) {
            Optional<NodeReport> report = reports.apply(vm.id()).filter(found -> found.heartbeat() != null
                    && found.lastContact() != null);
            Optional<dev.confab.management.cloud.CloudInstance> instance = Optional.ofNullable(paired.get(vm.id()));
            int capacity = capacityTokens(vm, report, instance);
            capacities.put(vm.id(), capacity);
            nodes.add(new Node(vm.id(), vm.name(), vm.systemLocation(), instance.isPresent() || vm.cloudBursting(),
                    capacity, vm.maintenanceMode()));
            report.ifPresent(found -> loads.add(new NodeLoad(vm.id(), found.load().mediaTokensUsed(),
                    found.load().conferences().size(), found.lastContact())));
            instance.ifPresent(found -> instances.add(instance(found, vm.id(), memory)));
        }
        PlatformShape shape = previous.map(found -> found.reshaped(locations, nodes))
                .orElseGet(() -> PlatformShape.of(locations, nodes));
        BurstingInput input = new BurstingInput(shape, loads, instances,
                memory.errors(now, settings.breakerWindow().plus(settings.breakerCoolDown())), settings, observedSince,
                now, foresight);
        return new Round(input, view, described.map(Described::instances).orElse(List.of()),
                described.map(Described::matching), capacities);
    }

    /** EC2's description of the tagged instances, and their pairing with nodes. */
    record Described(List<dev.confab.management.cloud.CloudInstance> instances, Matching matching, Instant at) {
        Described {
            instances = List.copyOf(instances);
        }
    }

    static BurstingSettings settings(PlatformView view, Duration staleAfter, Optional<Duration> minLifetime) {
        BurstingLimits limits = view.limits();
        return new BurstingSettings(view.settings().burstingEnabled(), view.settings().burstingThreshold(),
                minLifetime.orElse(Duration.ofMinutes(view.settings().burstingMinLifetime())),
                Duration.ofMinutes(limits.startDeadlineMinutes()), staleAfter, limits.maxRunningNodes(),
                limits.breakerErrors(), Duration.ofMinutes(limits.breakerWindowMinutes()),
                Duration.ofMinutes(limits.breakerCooldownMinutes()), planAhead(view.planning()));
    }

    /** The options that plan ahead as the global settings turn them on; a restart is likely from ½. */
    static PlanAhead planAhead(BurstingPlanning planning) {
        return PlanAhead.off().withLatencyAware(planning.latencyAware())
                .withAssumedStartLatency(Duration.ofMinutes(planning.assumedStartLatencyMinutes()))
                .withWeighRestart(planning.keepOrStop(), Duration.ofMinutes(planning.billedMinutesPerStart()),
                        PlanAhead.off().keepFromChance());
    }

    private static Location location(SystemLocation location) {
        return new Location(location.id(), location.name(), location.overflowLocation1(),
                location.overflowLocation2());
    }

    /**
     * What the node reported, or else what its instance type (or its configured vCPUs) holds; a
     * proxying node hosts no media.
     */
    private static int capacityTokens(WorkerVm vm, Optional<NodeReport> report,
                                      Optional<dev.confab.management.cloud.CloudInstance> instance) {
        if (vm.nodeType() == WorkerVm.NodeType.PROXYING) {
            return 0;
        }
        int reported = report.map(found -> found.capacity().maxMediaTokens()).orElse(0);
        if (reported > 0) {
            return reported;
        }
        return Capacity.of(instance.map(dev.confab.management.cloud.CloudInstance::instanceType).orElse(""),
                vm.vmCpuCount()).maxMediaTokens();
    }

    private static CloudInstance instance(dev.confab.management.cloud.CloudInstance described, long nodeId,
                                          Ec2Memory memory) {
        String id = described.instanceId();
        return new CloudInstance(id, nodeId, InstanceState.ofEc2Name(described.state().ec2Name()),
                described.launchTime(), memory.startRequestedAt(id), memory.stopRequestedAt(id));
    }
}
