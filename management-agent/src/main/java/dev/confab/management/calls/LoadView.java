package dev.confab.management.calls;

import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.LocationLoad;
import dev.confab.shared.wire.NodeLoad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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

    /** Nodes listed per location for placing a call, at most. */
    static final int LISTED = 32;

    /**
     * The load of the locations named, in the order given, each listing the nodes that can take a
     * call of {@code conference}: reporting transcoding nodes that host it, then those out of
     * maintenance mode with free tokens, most free first, {@link #LISTED} at most. An unknown
     * name gives a location without nodes.
     */
    List<LocationLoad> forPlacement(Collection<String> locations, String conference) {
        PlatformConfig config = platform.get();
        List<LocationLoad> loads = new ArrayList<>();
        for (String location : locations) {
            List<NodeLoad> all = config.nodesIn(location).stream().map(this::load).toList();
            List<NodeLoad> candidates = all.stream()
                    .filter(node -> node.reachable() && node.nodePort() > 0 && node.nodeType().equals("CONFERENCING")
                            && (node.hosts(conference) || !node.maintenanceMode() && node.freeTokens() > 0))
                    .sorted(Comparator.comparing((NodeLoad node) -> !node.hosts(conference))
                            .thenComparing(Comparator.comparingInt(NodeLoad::freeTokens).reversed()))
                    .limit(LISTED).toList();
            loads.add(LocationLoad.of(location, all, candidates));
        }
        return loads;
    }

    /** The totals of every location, in name order, as the nodes last reported them. */
    List<LocationLoad> all() {
        PlatformConfig config = platform.get();
        return config.locations().values().stream().map(location -> location.name()).sorted()
                .map(name -> LocationLoad.of(name, config.nodesIn(name).stream().map(this::load).toList(),
                        List.of())).toList();
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
