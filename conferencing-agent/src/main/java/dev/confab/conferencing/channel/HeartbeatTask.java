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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends heartbeats the Nomad way: at once, then after the interval the last answer set, with
 * jitter; on a failure it keeps trying at the same interval; when the Management Node refuses the
 * node it stops and reports the refusal. Runs on its own thread until interrupted; a new thread may
 * run it again.
 */
final class HeartbeatLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLoop.class);
    /** The interval until the Management Node sets one. */
    static final Duration INITIAL_INTERVAL = Duration.ofSeconds(10);

    private final ChannelClient client;
    private final Supplier<Heartbeat> payload;
    private final Consumer<ChannelRefusedException> onRefused;
    private final Clock clock;
    private volatile Duration interval = INITIAL_INTERVAL;
    private volatile Instant lastContact;

    HeartbeatLoop(ChannelClient client, Supplier<Heartbeat> payload, Consumer<ChannelRefusedException> onRefused,
                  Clock clock) {
        this.client = client;
        this.payload = payload;
        this.onRefused = onRefused;
        this.clock = clock;
    }

    @Override
    public void run() {
        boolean failing = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    HeartbeatAnswer answer = client.heartbeat(payload.get());
                    interval = Duration.ofMillis(Math.max(100, answer.intervalMillis()));
                    lastContact = clock.instant();
                    if (failing) {
                        LOG.info("The Management Node answers heartbeats again");
                    }
                    failing = false;
                } catch (IOException e) {
                    if (!failing) {
                        LOG.warn("Heartbeat failed ({}); retrying every {} ms", e.getMessage(), interval.toMillis());
                    }
                    failing = true;
                }
                Thread.sleep(Jitter.around(interval, ThreadLocalRandom.current()).toMillis());
            }
        } catch (ChannelRefusedException e) {
            onRefused.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The interval the Management Node last set. */
    Duration interval() {
        return interval;
    }

    /** When the Management Node last answered a heartbeat; null until it has. */
    Instant lastContact() {
        return lastContact;
    }
}
