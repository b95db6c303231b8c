package dev.confab.management.calls;

import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.LocationLoad;
import dev.confab.shared.wire.NodeLoad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The load of locations as the Management Node has it at this moment: each node's capacity, tokens
 * in use and conferences from its latest report (a heartbeat, or a load report sent at once on a
 * change), its maintenance mode from the configuration, and whether it reports. Read from memory
 * for every answer, never from the store. Thread-safe.
 */
final class LoadView {

    private final Supplier<PlatformConfig> platform;
    private final LongFunction<Optional<NodeReport>> reports;

    LoadView(Supplier<PlatformConfig> platform, LongFunction<Optional<NodeReport>> reports) {
        this.platform = platform;
        this.reports = reports;
    }

    /** The load of the locations named, in the order given; an unknown name gives a location without nodes. */
    List<LocationLoad> of(Collection<String> locations) {
        PlatformConfig config = platform.get();
        List<LocationLoad> loads = new ArrayList<>();
        for (String location : locations) {
            loads.add(new LocationLoad(location, config.nodesIn(location).stream().map(this::load).toList()));
        }
        return loads;
    }

    /** The locations node {@code nodeId} may place media in, with their load. */
    List<LocationLoad> forNode(long nodeId) {
        PlatformConfig config = platform.get();
        return config.node(nodeId).map(node -> of(config.placementLocations(node))).orElse(List.of());
    }

    private NodeLoad load(WorkerVm node) {
        Optional<NodeReport> report = reports.apply(node.id());
        Heartbeat heartbeat = report.map(NodeReport::heartbeat).orElse(null);
        boolean reachable = report.map(NodeReport::reachable).orElse(false) && heartbeat != null;
        Heartbeat.Load load = heartbeat == null ? Heartbeat.Load.idle() : heartbeat.load();
        return new NodeLoad(node.name(), node.nodeType().name(), node.address(),
                heartbeat == null ? 0 : heartbeat.endpoints().nodePort(), reachable, node.maintenanceMode(),
                heartbeat == null ? 0 : heartbeat.capacity().maxMediaTokens(), load.mediaTokensUsed(),
                load.conferences());
    }
}
