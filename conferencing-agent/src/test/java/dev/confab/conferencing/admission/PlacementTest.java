package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.CallType;
import dev.confab.shared.wire.LocationLoad;
import dev.confab.shared.wire.NodeLoad;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlacementTest {

    private static final Topology.Node SELF = new Topology.Node("ldn1", "ldn1.example.com", "CONFERENCING",
            "10.0.0.1", "London", false, true);
    private static final List<Topology.Step> CHAIN = List.of(new Topology.Step("London", "London"),
            new Topology.Step("Paris", "its primary overflow location Paris"),
            new Topology.Step("Berlin", "its secondary overflow location Berlin"));

    private static NodeLoad node(String name, int used, boolean maintenance, String... conferences) {
        return new NodeLoad(name, "CONFERENCING", "10.0.0." + name.length(), 9443, true, maintenance, 64, used,
                List.of(conferences));
    }

    private static List<String> names(Placement.Plan plan) {
        return plan.candidates().stream().map(Placement.Candidate::node).toList();
    }

    @Test
    void theOwnLocationComesFirstThenThePrimaryThenTheSecondaryOverflowLocation() {
        List<LocationLoad> view = List.of(new LocationLoad("Berlin", List.of(node("ber1", 0, false))),
                new LocationLoad("Paris", List.of(node("par1", 0, false))),
                new LocationLoad("London", List.of(node("ldn1", 0, false), node("ldn2", 0, false))));
        Placement.Plan plan = Placement.plan(CHAIN, view, new Placement.Self(SELF, 64, false), "Board", CallType.HD,
                true);
        assertEquals(List.of("ldn1", "ldn2", "par1", "ber1"), names(plan));
        assertEquals(List.of(true, false, false, false),
                plan.candidates().stream().map(Placement.Candidate::self).toList());
    }

    @Test
    void nodesWithoutRoomForTheCallAndItsBackplaneAreLeftOut() {
        List<LocationLoad> view = List.of(new LocationLoad("London", List.of(node("ldn2", 33, false),
                node("ldn3", 33, false, "Board"))), new LocationLoad("Paris", List.of(node("par1", 64, false))));
        Placement.Plan plan = Placement.plan(CHAIN, view, new Placement.Self(SELF, 31, false), "Board", CallType.HD,
                true);
        // 31 free: no room here for an HD call and a new backplane; ldn2 has 31 too; ldn3 hosts Board already
        assertEquals(List.of("ldn3"), names(plan));
    }

    @Test
    void nodesThatHostTheConferenceComeFirstThenTheReceivingNodeThenTheMostFree() {
        List<LocationLoad> view = List.of(new LocationLoad("London", List.of(node("ldn2", 0, false),
                node("ldn3", 20, false, "Board"), node("ldn4", 10, false))));
        Placement.Plan plan = Placement.plan(CHAIN, view, new Placement.Self(SELF, 40, false), "Board", CallType.HD,
                true);
        assertEquals(List.of("ldn3", "ldn1", "ldn2", "ldn4"), names(plan));
    }

    @Test
    void nodesInMaintenanceModeTakeOnlyConferencesTheyHost() {
        List<LocationLoad> view = List.of(new LocationLoad("London", List.of(node("ldn2", 0, true),
                node("ldn3", 0, true, "Board"))));
        Topology.Node maintained = new Topology.Node("ldn1", "ldn1.example.com", "CONFERENCING", "10.0.0.1",
                "London", true, true);
        Placement.Plan plan = Placement.plan(CHAIN, view, new Placement.Self(maintained, 64, false), "Board",
                CallType.HD, true);
        assertEquals(List.of("ldn3"), names(plan));
    }

    @Test
    void unreachableProxyingAndUnreportedNodesAreLeftOut() {
        List<LocationLoad> view = List.of(new LocationLoad("London", List.of(
                new NodeLoad("lost", "CONFERENCING", "10.0.0.2", 9443, false, false, 64, 0, List.of()),
                new NodeLoad("edge", "PROXYING", "10.0.0.3", 9443, true, false, 64, 0, List.of()),
                new NodeLoad("new", "CONFERENCING", "10.0.0.4", 0, true, false, 64, 0, List.of()))));
        Placement.Plan plan = Placement.plan(CHAIN, view, new Placement.Self(SELF, 0, false), "Board", CallType.HD,
                true);
        assertEquals(List.of(), names(plan));
        assertEquals("no room for an HD call in London, its primary overflow location Paris or its secondary overflow"
                + " location Berlin", plan.exhausted());
    }

    @Test
    void aProxyingNodeSendsMediaToItsTranscodingLocation() {
        Topology.Node edge = new Topology.Node("edge1", "edge1.example.com", "PROXYING", "10.0.1.1", "Edge", false,
                true);
        List<Topology.Step> chain = List.of(new Topology.Step("Core", "its transcoding location Core"));
        List<LocationLoad> view = List.of(new LocationLoad("Core", List.of(node("core1", 0, false))));
        Placement.Plan plan = Placement.plan(chain, view, new Placement.Self(edge, 0, false), "Board", CallType.SD,
                true);
        assertEquals(List.of("core1"), names(plan));
        assertEquals("no room for an SD call in its transcoding location Core", plan.exhausted());
    }

    @Test
    void aNodeAloneNeedsNoBackplane() {
        Placement.Plan plan = Placement.plan(List.of(new Topology.Step("London", "London")), List.of(),
                new Placement.Self(SELF, 16, false), "Board", CallType.HD, false);
        assertEquals(List.of("ldn1"), names(plan));
    }
}
