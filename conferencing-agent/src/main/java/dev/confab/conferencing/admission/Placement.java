package dev.confab.conferencing.admission;

import dev.confab.shared.capacity.Backplane;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.wire.LocationLoad;
import dev.confab.shared.wire.NodeLoad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a call's media may go, in the order to try: the locations of the receiving node's
 * {@linkplain Topology#placementChain() placement chain} one after the other, and in each location
 * the transcoding nodes that report, that are not in maintenance mode (unless they host the
 * conference already) and that have room for the call as the Management Node's load says
 * (the call's tokens, and a backplane where the conference is new to the node on a platform of
 * several nodes). Within a location: nodes that host the conference first (no new backplane), then
 * the receiving node itself, then the most free tokens. For the receiving node its own count is
 * used, which is never behind. A pure function; the nodes' own checks decide.
 */
final class Placement {

    /** A node to ask for the call's capacity. */
    record Candidate(String node, String location, String address, int nodePort, boolean self) {
    }

    /**
     * What the receiving node knows of itself.
     *
     * @param freeTokens      its free media tokens now
     * @param hostsConference whether it hosts the call's conference
     */
    record Self(Topology.Node node, int freeTokens, boolean hostsConference) {
    }

    /**
     * The candidates to try, and, for when none takes the call, why.
     *
     * @param exhausted "no room for an HD call in London, its primary overflow location Paris …"
     */
    record Plan(List<Candidate> candidates, String exhausted) {
    }

    private Placement() {
    }

    static Plan plan(List<Topology.Step> chain, List<LocationLoad> view, Self self, String conference, CallType type,
                     boolean multiNode) {
        Map<String, LocationLoad> byName = view.stream().collect(Collectors.toMap(LocationLoad::name, load -> load,
                (first, second) -> first));
        List<Candidate> candidates = new ArrayList<>();
        for (Topology.Step step : chain) {
            LocationLoad location = byName.getOrDefault(step.location(), new LocationLoad(step.location(), List.of()));
            candidates.addAll(inLocation(location, self, conference, type, multiNode));
        }
        String where = chain.stream().map(Topology.Step::role).collect(Collectors.joining(", "));
        String exhausted = chain.isEmpty() ? "this node is not in the configuration it holds yet"
                : "no room for " + Call.describe(type) + " in " + (chain.size() > 1
                ? where.substring(0, where.lastIndexOf(", ")) + " or" + where.substring(where.lastIndexOf(", ") + 1)
                : where);
        return new Plan(List.copyOf(candidates), exhausted);
    }

    private static List<Candidate> inLocation(LocationLoad location, Self self, String conference, CallType type,
                                              boolean multiNode) {
        record Option(Candidate candidate, boolean hosts, int free) {
        }
        List<Option> options = new ArrayList<>();
        String selfName = self.node().name();
        if (self.node().location().equals(location.name()) && self.node().transcoding()
                && (self.hostsConference() || !self.node().maintenanceMode())
                && self.freeTokens() >= Backplane.tokensToAdmit(type, self.hostsConference(), multiNode)) {
            options.add(new Option(new Candidate(selfName, location.name(), self.node().address(), 0, true),
                    self.hostsConference(), self.freeTokens()));
        }
        for (NodeLoad node : location.nodes()) {
            boolean hosts = node.hosts(conference);
            if (node.name().equals(selfName) || !node.nodeType().equals("CONFERENCING") || !node.reachable()
                    || node.nodePort() == 0 || node.maintenanceMode() && !hosts
                    || node.freeTokens() < Backplane.tokensToAdmit(type, hosts, multiNode)) {
                continue;
            }
            options.add(new Option(new Candidate(node.name(), location.name(), node.address(), node.nodePort(), false),
                    hosts, node.freeTokens()));
        }
        return options.stream().sorted(Comparator.comparing((Option option) -> !option.hosts())
                        .thenComparing(option -> !option.candidate().self())
                        .thenComparing(Comparator.comparingInt(Option::free).reversed())
                        .thenComparing(option -> option.candidate().node()))
                .map(Option::candidate).toList();
    }
}
