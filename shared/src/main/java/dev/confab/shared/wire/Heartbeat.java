package dev.confab.shared.wire;

import dev.confab.shared.capacity.Capacity;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /node/v1/heartbeat}: what a Conferencing Node reports about itself, every
 * interval and, besides, at once when its load changes (at most one such report per 250 ms). The
 * node is known by its client certificate, not by anything in the body.
 *
 * @param version         the agent's software version
 * @param bootTime        when the agent started (ISO-8601 UTC)
 * @param appliedRevision the newest configuration revision the node has applied
 * @param capacity        what the node can host
 * @param load            what it hosts now
 * @param maintenanceMode whether the node is in maintenance mode, as it applied it
 * @param cpuCount        its vCPUs
 * @param memoryMb        its memory in MB
 * @param calls           the calls it signals (it received them on its client API), numbered
 * @param endpoints       where its client API and its node-to-node listener are
 */
public record Heartbeat(String version, String bootTime, long appliedRevision, Capacity capacity, Load load,
                        boolean maintenanceMode, int cpuCount, long memoryMb, Calls calls, Endpoints endpoints) {

    public Heartbeat {
        load = load == null ? Load.idle() : load;
        calls = calls == null ? Calls.none() : calls;
        endpoints = endpoints == null ? Endpoints.none() : endpoints;
    }

    /** A heartbeat of a node that signals no calls and serves no client API. */
    public Heartbeat(String version, String bootTime, long appliedRevision, Capacity capacity, Load load,
                     boolean maintenanceMode, int cpuCount, long memoryMb) {
        this(version, bootTime, appliedRevision, capacity, load, maintenanceMode, cpuCount, memoryMb, Calls.none(),
                Endpoints.none());
    }

    /**
     * The node's media load, as the media node of its calls.
     *
     * @param mediaTokensUsed media tokens in use (1/16 HD each): its calls' (including calls other
     *                        nodes signal and reserved here) and one HD call per conference for
     *                        the backplane on a platform of several nodes
     * @param mediaLoad       percent of its media tokens in use
     * @param calls           calls in progress by call type name ({@code FULL_HD}, {@code HD}, {@code SD}, {@code AUDIO})
     * @param conferences     the names of the conferences it hosts
     */
    public record Load(int mediaTokensUsed, int mediaLoad, Map<String, Integer> calls, List<String> conferences) {

        public Load {
            calls = calls == null ? Map.of() : Map.copyOf(calls);
            conferences = conferences == null ? List.of() : List.copyOf(conferences);
        }

        public Load(int mediaTokensUsed, int mediaLoad, Map<String, Integer> calls) {
            this(mediaTokensUsed, mediaLoad, calls, List.of());
        }

        /** No calls. */
        public static Load idle() {
            return new Load(0, 0, Map.of(), List.of());
        }
    }

    /**
     * The calls a node signals, numbered so that the Management Node can tell a newer report from
     * an older one and from the licence requests the node made after it.
     *
     * @param incarnation  the node's calls' generation: new at every start of the agent and whenever
     *                     the node learns it was declared lost, so that calls of an ended generation
     *                     are told from the node's calls now
     * @param sequence     taken from the same counter as the {@link LicenceRequest#sequence()} of
     *                     the node's licence requests, before the list was read
     * @param participants every call the node signals now, including those it has asked a licence
     *                     for and not placed yet ({@link ParticipantReport#placed()} false)
     */
    public record Calls(String incarnation, long sequence, List<ParticipantReport> participants) {

        public Calls {
            incarnation = incarnation == null ? "" : incarnation;
            participants = participants == null ? List.of() : List.copyOf(participants);
        }

        public static Calls none() {
            return new Calls("", 0, List.of());
        }
    }

    /**
     * Ports the node serves on its own address.
     *
     * @param clientApiPort its client API (HTTPS), 0 when it serves none
     * @param nodePort      its node-to-node listener (mutual TLS: reservations, disconnections), 0 when none
     */
    public record Endpoints(int clientApiPort, int nodePort) {

        public static Endpoints none() {
            return new Endpoints(0, 0);
        }
    }
}
