package dev.confab.conferencing.channel;

import dev.confab.shared.wire.ConfigUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Long-polls {@code GET /node/v1/config?since=R} and applies each answer to the replica. The
 * Management Node answers at the latest every 25 s with its checksum, so the replica is reconciled
 * well within a minute. While the Management Node is unreachable the node keeps serving its
 * replica and retries every few seconds. Runs on its own thread until interrupted.
 */
final class ReplicationLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationLoop.class);
    /** How long the Management Node may hold a poll; it answers after 25 s. */
    static final Duration POLL_WAIT = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofSeconds(2);

    private final ChannelClient client;
    private final Replica replica;
    private final Consumer<ChannelRefusedException> onRefused;

    ReplicationLoop(ChannelClient client, Replica replica, Consumer<ChannelRefusedException> onRefused) {
        this.client = client;
        this.replica = replica;
        this.onRefused = onRefused;
    }

    @Override
    public void run() {
        boolean failing = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    ConfigUpdate update = client.poll(replica.since(), POLL_WAIT);
                    replica.apply(update);
                    failing = false;
                } catch (IOException | RuntimeException e) {
                    if (e instanceof ChannelRefusedException refused) {
                        throw refused;
                    }
                    if (!failing) {
                        LOG.warn("Cannot reach the Management Node for configuration ({}); serving revision {}"
                                + " meanwhile", e.getMessage(), replica.config().revision());
                    }
                    failing = true;
                    Thread.sleep(Jitter.around(RETRY, ThreadLocalRandom.current()).toMillis());
                }
            }
        } catch (ChannelRefusedException e) {
            onRefused.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
