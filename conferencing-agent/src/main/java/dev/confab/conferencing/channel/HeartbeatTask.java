package dev.confab.conferencing.channel;

import dev.confab.shared.wire.Heartbeat;
import dev.confab.shared.wire.HeartbeatAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Heartbeats the Nomad way, as a {@link RetryingLoop} runs them: at once, then after the interval
 * the last answer set (the Management Node's, at least 100 ms), with ±10 % {@link Jitter}; after a
 * failure, again at the same interval. Keeps the interval and the time of the last answer across
 * loops, so a loop started again after an undecided re-enrolment goes on at the answered interval.
 * Thread-safe.
 */
final class HeartbeatTask implements ChannelTask {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatTask.class);
    /** The interval until the Management Node sets one. */
    static final Duration INITIAL_INTERVAL = Duration.ofSeconds(10);
    /** The shortest interval the node keeps to, whatever the answer says. */
    static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

    private final ChannelClient client;
    private final Supplier<Heartbeat> payload;
    private final Clock clock;
    private volatile Duration interval = INITIAL_INTERVAL;
    private volatile Instant lastContact;

    HeartbeatTask(ChannelClient client, Supplier<Heartbeat> payload, Clock clock) {
        this.client = client;
        this.payload = payload;
        this.clock = clock;
    }

    @Override
    public Duration step() throws IOException, InterruptedException {
        HeartbeatAnswer answer = client.heartbeat(payload.get());
        interval = Duration.ofMillis(Math.max(SHORTEST_INTERVAL.toMillis(), answer.intervalMillis()));
        lastContact = clock.instant();
        return jittered();
    }

    @Override
    public Duration retryDelay() {
        return jittered();
    }

    @Override
    public void failing(Exception failure) {
        LOG.warn("Heartbeat failed ({}); retrying every {} ms", failure.getMessage(), interval.toMillis());
    }

    @Override
    public void recovered() {
        LOG.info("The Management Node answers heartbeats again");
    }

    /** The interval, spread by jitter. */
    Duration jittered() {
        return Jitter.around(interval, ThreadLocalRandom.current());
    }

    /** When the Management Node last answered a heartbeat; null until it has. */
    Instant lastContact() {
        return lastContact;
    }
}
