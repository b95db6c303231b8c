package dev.confab.conferencing.channel;

import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;

/**
 * What a node's heartbeats carry about its calls, and who hears what the Management Node answers
 * about them. Implementations are thread-safe.
 */
public interface CallsReporter {

    /** A node that admits no calls: idle, no calls, no client API. */
    CallsReporter NONE = new CallsReporter() {
        @Override
        public Heartbeat.Load load() {
            return Heartbeat.Load.idle();
        }

        @Override
        public Heartbeat.Calls calls() {
            return Heartbeat.Calls.none();
        }

        @Override
        public Heartbeat.Endpoints endpoints() {
            return Heartbeat.Endpoints.none();
        }

        @Override
        public void answered(HeartbeatAnswer answer) {
        }
    };

    /** The capacity the node holds now. */
    Heartbeat.Load load();

    /** The calls the node signals now, numbered. */
    Heartbeat.Calls calls();

    /** Where the node's client API and node-to-node listener are. */
    Heartbeat.Endpoints endpoints();

    /** The Management Node's answer to a heartbeat. */
    void answered(HeartbeatAnswer answer);
}
