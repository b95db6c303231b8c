package dev.confab.conferencing.channel;

import dev.confab.shared.wire.ConfigUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Long-polls {@code GET /node/v1/config?since=R} and applies each answer to the replica, as a
 * {@link RetryingLoop} runs it: poll, apply, poll again at once. The Management Node answers at the
 * latest every 25 s with its checksum, so the replica is reconciled well within a minute. While the
 * Management Node is unreachable the node keeps serving its replica and retries after ~2 s, then
 * twice as long after each failure in a row, up to ~30 s (each wait with jitter), so that a fleet of
 * thousands does not keep a struggling Management Node busy with handshakes; and at once when a
 * heartbeat finds the Management Node back (a poll the Management Node holds says nothing until it
 * answers, so heartbeats, answered at once, are what notice). Thread-safe.
 */
final class ReplicationTask implements ChannelTask {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationTask.class);
    /** How long the Management Node may hold a poll; it answers after 25 s. */
    static final Duration POLL_WAIT = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofSeconds(2);
    /** The longest wait between two retries. */
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final ChannelClient client;
    private final Replica replica;
    /** Failed polls in a row; touched by the one loop that runs this task. */
    private int failures;

    ReplicationTask(ChannelClient client, Replica replica) {
        this.client = client;
        this.replica = replica;
    }

    @Override
    public Duration step() throws IOException, InterruptedException {
        ConfigUpdate update = client.poll(replica.since(), POLL_WAIT);
        replica.apply(update);
        return Duration.ZERO;
    }

    @Override
    public Duration retryDelay(Exception failure) {
        return Jitter.around(backOff(failures++), ThreadLocalRandom.current());
    }

    /** The wait after {@code earlier} failures in a row and one more: 2 s, 4 s, 8 s, 16 s, then 30 s. */
    static Duration backOff(int earlier) {
        Duration wait = RETRY.multipliedBy(1L << Math.min(earlier, 4));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    @Override
    public void recovered() {
        failures = 0;
    }

    @Override
    public void failing(Exception failure) {
        LOG.warn("Cannot reach the Management Node for configuration ({}); serving revision {} meanwhile",
                failure.getMessage(), replica.config().revision());
    }
}
