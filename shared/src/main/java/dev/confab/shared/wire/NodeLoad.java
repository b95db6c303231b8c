package dev.confab.shared.wire;

import dev.confab.shared.capacity.Capacity;

import java.util.List;

/**
 * One Conferencing Node's load as the Management Node last heard it, answered to nodes so that a
 * receiving node can choose where to place a call's media.
 *
 * @param name            the node's name
 * @param nodeType        {@code CONFERENCING} (transcoding) or {@code PROXYING}
 * @param address         its IPv4 address
 * @param nodePort        its node-to-node port, where capacity is reserved; 0 while it has not reported one
 * @param reachable       whether it reports (false once it is declared lost, and until it first reports)
 * @param maintenanceMode whether it is in maintenance mode: it takes no new conferences
 * @param maxMediaTokens  its capacity in media tokens
 * @param mediaTokensUsed its media tokens in use, backplanes included
 * @param conferences     the conferences it hosts
 */
public record NodeLoad(String name, String nodeType, String address, int nodePort, boolean reachable,
                       boolean maintenanceMode, int maxMediaTokens, int mediaTokensUsed, List<String> conferences) {

    public NodeLoad {
        conferences = conferences == null ? List.of() : List.copyOf(conferences);
    }

    public int freeTokens() {
        return Capacity.freeTokens(maxMediaTokens, mediaTokensUsed);
    }

    public int freeHdCalls() {
        return Capacity.freeHdCalls(maxMediaTokens, mediaTokensUsed);
    }

    public boolean hosts(String conference) {
        return conferences.contains(conference);
    }
}
