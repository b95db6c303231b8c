package dev.confab.conferencing.channel;

import dev.confab.shared.wire.HeartbeatAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heartbeats the Nomad way, as a {@link RetryingLoop} runs them: at once, then after the interval
 * the last answer set (the Management Node's, at least 100 ms), with ±10 % {@link Jitter}; after a
 * failure, again at the same interval, except while no connection can be opened at all
 * ({@link ManagementUnreachableException}: the Management Node's port refuses it, as while it
 * restarts): then every 250 ms (at most the interval), so that the Management Node hears from the
 * node within a quarter of a second of listening again. Keeps the interval and the time of the last
 * answer across loops, so a loop started again after an undecided re-enrolment goes on at the
 * answered interval. Thread-safe.
 */
final class HeartbeatTask implements ChannelTask {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatTask.class);
    /** The interval until the Management Node sets one. */
    static final Duration INITIAL_INTERVAL = Duration.ofSeconds(10);
    /** The shortest interval the node keeps to, whatever the answer says. */
    static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);
    /** How often to try while no connection can be opened: a refused connection costs the Management Node nothing. */
    static final Duration RECONNECT = Duration.ofMillis(250);

    private final ChannelClient client;
    private final HeartbeatPayload payload;
    private final Clock clock;
    private volatile Duration interval = INITIAL_INTERVAL;
    private volatile Instant lastContact;

    HeartbeatTask(ChannelClient client, HeartbeatPayload payload, Clock clock) {
        this.client = client;
        this.payload = payload;
        this.clock = clock;
    }

    @Override
    public Duration step() throws IOException, InterruptedException {
        send();
        return jittered();
    }

    /** Sends one heartbeat now and takes in its answer (the regular ones, and the load reports between them). */
    void send() throws IOException, InterruptedException {
        HeartbeatAnswer answer = client.heartbeat(payload.get());
        interval = Duration.ofMillis(Math.max(SHORTEST_INTERVAL.toMillis(), answer.intervalMillis()));
        lastContact = clock.instant();
        payload.reporter().answered(answer);
    }

    @Override
    public Duration retryDelay(Exception failure) {
        return Jitter.around(retryPeriod(failure), ThreadLocalRandom.current());
    }

    private Duration retryPeriod(Exception failure) {
        Duration period = interval;
        if (failure instanceof ManagementUnreachableException && RECONNECT.compareTo(period) < 0) {
            period = RECONNECT;
        }
        return period;
    }

    @Override
    public void failing(Exception failure) {
        LOG.warn("Heartbeat failed ({}); retrying every {} ms", failure.getMessage(), retryPeriod(failure).toMillis());
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
