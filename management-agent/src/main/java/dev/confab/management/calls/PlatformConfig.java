package dev.confab.management.calls;

import dev.confab.management.resource.catalog.Conference;
import dev.confab.management.resource.catalog.Licence;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What call admission reads of the configuration, read once per committed change: nodes (by id
 * and by location name), locations, conferences (by name) and licences. Immutable.
 */
record PlatformConfig(Map<Long, WorkerVm> nodes, Map<Long, SystemLocation> locations,
                      Map<String, Conference> conferences, List<Licence> licences,
                      Map<String, List<WorkerVm>> byLocation) {

    static PlatformConfig read(ConfigurationService configuration) {
        return configuration.read(transaction -> {
            Map<Long, WorkerVm> nodes = new LinkedHashMap<>();
            transaction.reads().workerVms().forEach(node -> nodes.put(node.id(), node));
            Map<Long, SystemLocation> locations = new LinkedHashMap<>();
            transaction.reads().systemLocations().forEach(location -> locations.put(location.id(), location));
            Map<String, Conference> conferences = new HashMap<>();
            transaction.reads().conferences().forEach(conference -> conferences.put(conference.name(), conference));
            Map<String, List<WorkerVm>> byLocation = new HashMap<>();
            nodes.values().stream().sorted(java.util.Comparator.comparing(WorkerVm::name)).forEach(node -> {
                SystemLocation location = locations.get(node.systemLocation());
                byLocation.computeIfAbsent(location == null ? "" : location.name(), name -> new ArrayList<>()).add(node);
            });
            byLocation.replaceAll((name, list) -> List.copyOf(list));
            return new PlatformConfig(Map.copyOf(nodes), Map.copyOf(locations), Map.copyOf(conferences),
                    List.copyOf(transaction.reads().licences()), Map.copyOf(byLocation));
        });
    }

    Optional<WorkerVm> node(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    String locationName(long id) {
        SystemLocation location = locations.get(id);
        return location == null ? "" : location.name();
    }

    /** The nodes of the location named {@code name}, by name. */
    List<WorkerVm> nodesIn(String name) {
        return byLocation.getOrDefault(name, List.of());
    }
}
