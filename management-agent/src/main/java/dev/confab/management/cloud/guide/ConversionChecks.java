package dev.confab.management.cloud.guide;

import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checks the deployment guide asks for when nodes are converted between always-on and overflow
 * (bursting): overflow nodes have a location of their own, keep no distributed database, and their
 * location is some location's <em>primary</em> overflow location (bursting never starts nodes for a
 * secondary one). Pure: a function of the configuration alone.
 * <p>
 * A node counts as an overflow node when the platform marks it {@code cloud_bursting}, or when EC2
 * has been described and the node is paired with a tagged instance. Before EC2 has been described,
 * while bursting is enabled, a node in a location another location names as its primary or
 * secondary overflow location counts as one too (the rule {@link OverflowNodes} states). With
 * bursting disabled, no node marked and none paired, there is nothing to check.
 */
public final class ConversionChecks {

    private static final Comparator<WorkerVm> BY_NAME = Comparator.comparing(WorkerVm::name);

    private ConversionChecks() {
    }

    /** The warnings, by location name and then in the order of {@link ConversionWarning.Kind}. */
    public static List<ConversionWarning> check(List<SystemLocation> locations, List<WorkerVm> nodes,
                                                GlobalSettings settings) {
        return check(locations, nodes, settings, Optional.empty());
    }

    /**
     * The warnings, with {@code paired} the ids of the nodes paired with a tagged EC2 instance when EC2
     * was last described (empty before it has been).
     */
    public static List<ConversionWarning> check(List<SystemLocation> locations, List<WorkerVm> nodes,
                                                GlobalSettings settings, Optional<Set<Long>> paired) {
        Map<Long, List<String>> primaryOf = new TreeMap<>();
        Map<Long, List<String>> secondaryOf = new TreeMap<>();
        for (SystemLocation location : locations) {
            location.overflowLocation1().ifPresent(id ->
                    primaryOf.computeIfAbsent(id, key -> new ArrayList<>()).add(location.name()));
            location.overflowLocation2().ifPresent(id ->
                    secondaryOf.computeIfAbsent(id, key -> new ArrayList<>()).add(location.name()));
        }
        Set<Long> overflowLocations = new HashSet<>(primaryOf.keySet());
        overflowLocations.addAll(secondaryOf.keySet());
        Set<Long> burstingLocations = settings.burstingEnabled() ? overflowLocations : Set.of();
        Map<Long, List<WorkerVm>> byLocation = nodes.stream().sorted(BY_NAME)
                .collect(Collectors.groupingBy(WorkerVm::systemLocation, Collectors.toList()));
        List<ConversionWarning> warnings = new ArrayList<>();
        for (SystemLocation location : locations.stream().sorted(Comparator.comparing(SystemLocation::name)).toList()) {
            List<WorkerVm> here = byLocation.getOrDefault(location.id(), List.of());
            List<WorkerVm> overflow = here.stream()
                    .filter(node -> node.cloudBursting() || paired.map(ids -> ids.contains(node.id()))
                            .orElse(burstingLocations.contains(location.id()))).toList();
            if (overflow.isEmpty()) {
                continue;
            }
            List<WorkerVm> alwaysOn = here.stream().filter(node -> !overflow.contains(node)).toList();
            String name = location.name();
            if (!alwaysOn.isEmpty()) {
                warnings.add(new ConversionWarning(ConversionWarning.Kind.MIXED_LOCATION, name, names(here),
                        "Location \"" + name + "\" mixes always-on and overflow Conferencing Nodes (overflow: "
                                + String.join(", ", names(overflow)) + "; always-on: " + String.join(", ",
                                names(alwaysOn)) + "): the guide keeps overflow nodes in a location of their own;"
                                + " move them to a location that other locations name as their primary overflow"
                                + " location."));
            }
            for (WorkerVm node : overflow) {
                if (node.enableDistributedDatabase()) {
                    warnings.add(new ConversionWarning(ConversionWarning.Kind.DISTRIBUTED_DATABASE, name,
                            List.of(node.name()), "Overflow Conferencing Node \"" + node.name() + "\" in \"" + name
                                    + "\" has the distributed database on: the guide turns it off on overflow nodes,"
                                    + " which are stopped whenever they are idle; clear Enable distributed database"
                                    + " on the node."));
                }
            }
            List<String> primary = primaryOf.getOrDefault(location.id(), List.of());
            List<String> secondary = secondaryOf.getOrDefault(location.id(), List.of());
            if (primary.isEmpty() && !secondary.isEmpty()) {
                warnings.add(new ConversionWarning(ConversionWarning.Kind.SECONDARY_OVERFLOW_ONLY, name,
                        names(overflow), "Location \"" + name + "\" holds overflow nodes but is only the secondary"
                                + " overflow location of " + quoted(secondary) + ": bursting starts nodes only in a"
                                + " location's primary overflow location, so its nodes are never started"
                                + " automatically; make it the primary overflow location of the locations that"
                                + " should burst into it."));
            } else if (primary.isEmpty()) {
                warnings.add(new ConversionWarning(ConversionWarning.Kind.NOT_AN_OVERFLOW_LOCATION, name,
                        names(overflow), "Location \"" + name + "\" holds overflow nodes but no location names it"
                                + " as its overflow location: no call overflows into it and bursting never starts"
                                + " its nodes; make it the primary overflow location of the locations that should"
                                + " burst into it."));
            }
        }
        return warnings;
    }

    private static List<String> names(List<WorkerVm> nodes) {
        return nodes.stream().map(WorkerVm::name).toList();
    }

    private static String quoted(List<String> names) {
        return names.stream().sorted().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
    }
}
