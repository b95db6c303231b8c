package dev.confab.conferencing.channel;

import dev.confab.shared.wire.MeshPeer;

import java.util.List;

/** Told the platform's node list whenever a replicated revision changes it. */
public interface MeshListener {

    /** {@code peers}: every node of the platform as replicated (this node among them or not). */
    void meshChanged(List<MeshPeer> peers);
}
