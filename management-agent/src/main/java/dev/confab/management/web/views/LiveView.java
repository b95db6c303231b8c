package dev.confab.management.web.views;

import java.util.List;

/**
 * What Status › Live View shows: each location's load, its nodes with their load, and on each node
 * the conferences whose media it hosts with their participants. Immutable.
 */
public record LiveView(List<Location> locations) {

    public LiveView {
        locations = List.copyOf(locations);
    }

    /**
     * @param load "12 % media load, 5 free HD calls of 17"
     */
    public record Location(String name, String load, List<Node> nodes) {
        public Location {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * @param state "Reachable", "Unreachable", with "maintenance mode" when on
     * @param load  "96 of 272 media tokens (35 %), 11 free HD calls"
     */
    public record Node(String name, String role, String state, String load, List<Conference> conferences) {
        public Node {
            conferences = List.copyOf(conferences);
        }
    }

    public record Conference(String name, List<Participant> participants) {
        public Conference {
            participants = List.copyOf(participants);
        }
    }

    /**
     * @param uuid the participant's id, which the disconnect button sends
     */
    public record Participant(String uuid, String displayName, String role, String callType, String signallingNode,
                              String connectTime) {
    }
}
