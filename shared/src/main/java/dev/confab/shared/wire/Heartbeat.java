package dev.confab.shared.wire;

import dev.confab.shared.capacity.Capacity;

import java.util.Map;

/**
 * Body of {@code POST /node/v1/heartbeat}: what a Conferencing Node reports about itself. The node is
 * known by its client certificate, not by anything in the body.
 *
 * @param version         the agent's software version
 * @param bootTime        when the agent started (ISO-8601 UTC)
 * @param appliedRevision the newest configuration revision the node has applied
 * @param capacity        what the node can host
 * @param load            what it hosts now
 * @param maintenanceMode whether the node is in maintenance mode, as it applied it
 * @param cpuCount        its vCPUs
 * @param memoryMb        its memory in MB
 */
public record Heartbeat(String version, String bootTime, long appliedRevision, Capacity capacity, Load load,
                        boolean maintenanceMode, int cpuCount, long memoryMb) {

    /**
     * The node's media load.
     *
     * @param mediaTokensUsed media tokens in use (1/16 HD each)
     * @param mediaLoad       percent of its media tokens in use
     * @param calls           calls in progress by call type name ({@code FULL_HD}, {@code HD}, {@code SD}, {@code AUDIO})
     */
    public record Load(int mediaTokensUsed, int mediaLoad, Map<String, Integer> calls) {

        public Load {
            calls = calls == null ? Map.of() : Map.copyOf(calls);
        }

        /** No calls. */
        public static Load idle() {
            return new Load(0, 0, Map.of());
        }
    }
}
