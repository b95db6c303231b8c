package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs this platform's EC2 instances with Conferencing Nodes by private IP address, the one
 * identity both share. A terminated instance is left out (it has no address and is on its way out
 * of EC2's answers). Pure.
 */
public final class InstanceMatching {

    private InstanceMatching() {
    }

    /**
     * @param instances the instances tagged {@code pexip-cloud=tagValue}
     * @param nodes     every Conferencing Node
     * @param locations every system location (overflow locations are those another location names)
     */
    public static Matching match(List<CloudInstance> instances, List<WorkerVm> nodes, List<SystemLocation> locations,
                                 String tagValue) {
        String tag = Catalog.burstingTagName() + "=" + tagValue;
        Map<String, List<CloudInstance>> byAddress = new LinkedHashMap<>();
        List<Matching.Finding> findings = new ArrayList<>();
        for (CloudInstance instance : instances) {
            if (instance.state() == CloudInstanceState.TERMINATED) {
                continue;
            }
            if (instance.privateIp().isEmpty()) {
                findings.add(new Matching.Finding(Matching.Finding.Kind.INSTANCE_WITHOUT_NODE,
                        Optional.of(instance.instanceId()), Optional.empty(), "EC2 instance " + describe(instance)
                        + " is tagged " + tag + " but has no private address to match a Conferencing Node by."));
                continue;
            }
            byAddress.computeIfAbsent(instance.privateIp().get(), address -> new ArrayList<>()).add(instance);
        }
        Map<String, WorkerVm> nodesByAddress = new LinkedHashMap<>();
        nodes.forEach(node -> nodesByAddress.put(node.address(), node));
        List<Matching.Match> matches = new ArrayList<>();
        Set<Long> matched = new HashSet<>();
        byAddress.forEach((address, sharing) -> {
            WorkerVm node = nodesByAddress.get(address);
            if (sharing.size() > 1) {
                for (CloudInstance instance : sharing) {
                    findings.add(new Matching.Finding(Matching.Finding.Kind.ADDRESS_SHARED,
                            Optional.of(instance.instanceId()), Optional.ofNullable(node).map(WorkerVm::id),
                            "EC2 instances " + String.join(", ", sharing.stream().map(CloudInstance::instanceId)
                                    .toList()) + " are all tagged " + tag + " with the private address " + address
                                    + ": none is taken for " + (node == null ? "a node" : "Conferencing Node \""
                                    + node.name() + "\"") + "; remove the tag from all but one."));
                }
                if (node != null) {
                    matched.add(node.id());
                }
            } else if (node == null) {
                CloudInstance instance = sharing.get(0);
                findings.add(new Matching.Finding(Matching.Finding.Kind.INSTANCE_WITHOUT_NODE,
                        Optional.of(instance.instanceId()), Optional.empty(), "EC2 instance " + describe(instance)
                        + " is tagged " + tag + " but no Conferencing Node has the address " + address
                        + ": add the node, or remove the tag from the instance."));
            } else {
                matches.add(new Matching.Match(sharing.get(0), node));
                matched.add(node.id());
            }
        });
        Set<Long> burstingLocations = new HashSet<>();
        matches.forEach(match -> burstingLocations.add(match.node().systemLocation()));
        nodes.stream().filter(WorkerVm::cloudBursting).forEach(node -> burstingLocations.add(node.systemLocation()));
        Set<Long> overflowLocations = overflowLocations(locations);
        for (WorkerVm node : nodes) {
            // an always-on node may well be in an overflow location; only beside bursting nodes is it suspect
            boolean besideBursting = burstingLocations.contains(node.systemLocation())
                    && overflowLocations.contains(node.systemLocation());
            if ((besideBursting || node.cloudBursting()) && !matched.contains(node.id())) {
                findings.add(new Matching.Finding(Matching.Finding.Kind.NODE_WITHOUT_INSTANCE, Optional.empty(),
                        Optional.of(node.id()), "Conferencing Node \"" + node.name() + "\" (" + node.address() + ") "
                        + (node.cloudBursting() ? "is a bursting node" : "is in an overflow location beside bursting"
                        + " nodes") + ", but no EC2 instance tagged " + tag + " has that private address: tag its"
                        + " instance, or move the node to a location without bursting nodes."));
            }
        }
        return new Matching(matches, findings);
    }

    /** The locations some location names as its primary or secondary overflow location. */
    static Set<Long> overflowLocations(List<SystemLocation> locations) {
        Set<Long> overflow = new HashSet<>();
        for (SystemLocation location : locations) {
            location.overflowLocation1().ifPresent(overflow::add);
            location.overflowLocation2().ifPresent(overflow::add);
        }
        return overflow;
    }

    private static String describe(CloudInstance instance) {
        return instance.instanceId() + instance.name().map(name -> " (" + name + ")").orElse("");
    }
}
