package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances and nodes paired by private address; everything else reported, nothing guessed. */
class InstanceMatchingTest {

    private static final SystemLocation LONDON = location(1, Optional.of(2L));
    private static final SystemLocation LONDON_OVERFLOW = location(2, Optional.empty());

    private static SystemLocation location(long id, Optional<Long> overflow) {
        return new SystemLocation(id, "location " + id, "", 1500, List.of(), List.of(), overflow, Optional.empty(),
                Optional.empty());
    }

    private static WorkerVm node(long id, String address, long location) {
        return new WorkerVm(id, "cn" + id, "", "cn" + id, "example.com", address, "255.255.255.0", "10.0.0.1",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                WorkerVm.NodeType.CONFERENCING, location, WorkerVm.GENERIC_DEPLOYMENT, Optional.empty(), false, "",
                false, false, WorkerVm.SshAccess.GLOBAL, Optional.empty(), Optional.empty(), 4, 4096, Optional.empty());
    }

    private static CloudInstance instance(String id, String address, CloudInstanceState state) {
        return new CloudInstance(id, Optional.of("ovf " + id), state, Optional.ofNullable(address), Optional.empty(),
                "c5.2xlarge", Optional.empty(), Map.of("pexip-cloud", "mgmt"));
    }

    private static Matching match(List<CloudInstance> instances, List<WorkerVm> nodes) {
        return InstanceMatching.match(instances, nodes, List.of(LONDON, LONDON_OVERFLOW), "mgmt");
    }

    @Test
    void pairsAnInstanceWithTheNodeOfItsPrivateAddress() {
        WorkerVm overflowNode = node(5, "10.0.1.5", 2);
        CloudInstance instance = instance("i-05", "10.0.1.5", CloudInstanceState.STOPPED);
        Matching matching = match(List.of(instance), List.of(node(1, "10.0.0.11", 1), overflowNode));
        assertEquals(List.of(new Matching.Match(instance, overflowNode)), matching.matches());
        assertEquals(List.of(), matching.findings());
        assertEquals(Optional.of(instance), matching.instanceOf(5));
        assertEquals(Optional.of(overflowNode), matching.nodeOf("i-05"));
    }

    @Test
    void reportsATaggedInstanceThatNoNodeHas() {
        Matching matching = match(List.of(instance("i-09", "10.0.1.9", CloudInstanceState.STOPPED)), List.of());
        Matching.Finding finding = matching.findings().get(0);
        assertEquals(Matching.Finding.Kind.INSTANCE_WITHOUT_NODE, finding.kind());
        assertEquals(Optional.of("i-09"), finding.instanceId());
        assertTrue(finding.message().contains("no Conferencing Node has the address 10.0.1.9"), finding.message());
        assertEquals(List.of(), matching.matches());
    }

    @Test
    void reportsANodeBesideBurstingNodesOfAnOverflowLocationWithoutAnInstance() {
        Matching matching = match(List.of(instance("i-05", "10.0.1.5", CloudInstanceState.STOPPED)),
                List.of(node(1, "10.0.0.11", 1), node(5, "10.0.1.5", 2), node(6, "10.0.1.6", 2)));
        assertEquals(1, matching.findings().size(), "an always-on node of a monitored location is no finding");
        Matching.Finding finding = matching.findings().get(0);
        assertEquals(Matching.Finding.Kind.NODE_WITHOUT_INSTANCE, finding.kind());
        assertEquals(Optional.of(6L), finding.nodeId());
        assertTrue(finding.message().contains("\"cn6\" (10.0.1.6) is in an overflow location beside bursting nodes"),
                finding.message());
    }

    @Test
    void takesAlwaysOnNodesOfAnOverflowLocationWithoutBurstingNodesForNoFinding() {
        Matching matching = match(List.of(), List.of(node(1, "10.0.0.11", 1), node(6, "10.0.1.6", 2)));
        assertEquals(List.of(), matching.findings());
    }

    @Test
    void pairsNeitherOfTwoInstancesThatShareAnAddress() {
        Matching matching = match(List.of(instance("i-07", "10.0.1.7", CloudInstanceState.STOPPED),
                instance("i-17", "10.0.1.7", CloudInstanceState.RUNNING)), List.of(node(7, "10.0.1.7", 2)));
        assertEquals(List.of(), matching.matches());
        assertEquals(2, matching.findings().size());
        matching.findings().forEach(finding -> assertEquals(Matching.Finding.Kind.ADDRESS_SHARED, finding.kind()));
        assertTrue(matching.findings().stream().noneMatch(finding ->
                finding.kind() == Matching.Finding.Kind.NODE_WITHOUT_INSTANCE), "the node's own finding says enough");
    }

    @Test
    void leavesTerminatedInstancesOut() {
        Matching matching = match(List.of(instance("i-08", null, CloudInstanceState.TERMINATED)), List.of());
        assertEquals(List.of(), matching.findings());
    }

    @Test
    void namesOverflowLocationsByWhatOtherLocationsSay() {
        assertEquals(java.util.Set.of(2L), InstanceMatching.overflowLocations(List.of(LONDON, LONDON_OVERFLOW)));
    }
}
