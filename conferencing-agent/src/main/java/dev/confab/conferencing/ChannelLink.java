package dev.confab.conferencing;

import dev.confab.conferencing.admission.ManagementLink;
import dev.confab.conferencing.channel.ChannelClient;
import dev.confab.conferencing.channel.ChannelRefusedException;
import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantList;

import java.io.IOException;

/**
 * Admission's calls to the Management Node, on the node channel's client: a refusal of the node
 * (revoked, unknown) counts as no answer, as admission can do nothing else with it. Thread-safe.
 */
record ChannelLink(ChannelClient client) implements ManagementLink {

    @Override
    public LicenceAnswer licence(LicenceRequest request) throws IOException, InterruptedException {
        try {
            return client.licence(request);
        } catch (ChannelRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public ParticipantList participants(String conference) throws IOException, InterruptedException {
        try {
            return client.participants(conference);
        } catch (ChannelRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
