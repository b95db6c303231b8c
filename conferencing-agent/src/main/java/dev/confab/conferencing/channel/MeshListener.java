package dev.confab.conferencing.channel;

import dev.confab.shared.wire.MeshPeer;

import java.util.List;

/**
 * Told the platform's nodes that a tunnel can be kept with (the Management Node and the enrolled
 * Conferencing Nodes) whenever that list changes (and once when the agent starts with a replica), e.g. to render the IPsec configuration between nodes. Called from the
 * node channel's scheduler as the replica applies an answer, one call at a time; an implementation
 * should return quickly.
 */
@FunctionalInterface
public interface MeshListener {

    /** The Management Node and every enrolled node, this node included, in a stable order. */
    void meshChanged(List<MeshPeer> peers);
}
