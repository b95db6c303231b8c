package dev.confab.conferencing;

import dev.confab.conferencing.admission.ManagementLink;
import dev.confab.conferencing.channel.ChannelClient;
import dev.confab.conferencing.channel.ChannelRefusedException;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantList;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Admission's calls to the Management Node, on a node channel client of their own (so that a burst
 * of calls never delays a heartbeat) with at most {@link #IN_FLIGHT} calls at once: a burst of
 * callers queues here and reuses a few kept-alive connections instead of opening one mutual-TLS
 * connection each. A refusal of the node (revoked, unknown) counts as no answer, as admission can
 * do nothing else with it. Thread-safe.
 */
final class ChannelLink implements ManagementLink {

    /** Calls to the Management Node in flight at once. */
    static final int IN_FLIGHT = 8;

    private final ChannelClient client;
    private final Semaphore permits = new Semaphore(IN_FLIGHT, true);

    ChannelLink(ChannelClient client) {
        this.client = client;
    }

    @Override
    public LicenceAnswer licence(LicenceRequest request) throws IOException, InterruptedException {
        permits.acquire();
        try {
            return client.licence(request);
        } catch (ChannelRefusedException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            permits.release();
        }
    }

    @Override
    public ParticipantList participants(String conference) throws IOException, InterruptedException {
        permits.acquire();
        try {
            return client.participants(conference);
        } catch (ChannelRefusedException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            permits.release();
        }
    }
}
