package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.WorkerVm;

import java.util.List;
import java.util.Optional;

/**
 * This platform's EC2 instances set against its Conferencing Nodes: the pairs that share a private
 * address, and what could not be paired, as findings for the operator. Nothing is paired by a
 * guess. Immutable.
 */
public record Matching(List<Match> matches, List<Finding> findings) {

    public Matching {
        matches = List.copyOf(matches);
        findings = List.copyOf(findings);
    }

    /** An instance and the node whose address is its private address. */
    public record Match(CloudInstance instance, WorkerVm node) {
    }

    /** Something an operator should look at, and what to do about it. */
    public record Finding(Kind kind, Optional<String> instanceId, Optional<Long> nodeId, String message) {

        /** What was found. */
        public enum Kind {
            /** A tagged instance whose private address is no Conferencing Node's. */
            INSTANCE_WITHOUT_NODE,
            /** A node of an overflow location (or marked as a bursting node) with no tagged instance. */
            NODE_WITHOUT_INSTANCE,
            /** Two or more tagged instances with the same private address: none is paired. */
            ADDRESS_SHARED
        }
    }

    /** The instance paired with node {@code nodeId}, if any. */
    public Optional<CloudInstance> instanceOf(long nodeId) {
        return matches.stream().filter(match -> match.node().id() == nodeId).map(Match::instance).findFirst();
    }

    /** The node paired with instance {@code instanceId}, if any. */
    public Optional<WorkerVm> nodeOf(String instanceId) {
        return matches.stream().filter(match -> match.instance().instanceId().equals(instanceId)).map(Match::node)
                .findFirst();
    }
}
