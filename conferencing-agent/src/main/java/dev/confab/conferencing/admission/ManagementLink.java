package dev.confab.conferencing.admission;

import dev.confab.shared.wire.LicenceAnswer;
import dev.confab.shared.wire.LicenceRequest;
import dev.confab.shared.wire.ParticipantList;

import java.io.IOException;

/** What admission asks the Management Node over the node channel. Implementations are thread-safe. */
public interface ManagementLink {

    /** Asks for a licence for one call, and the load of the locations named; IOException when unanswered. */
    LicenceAnswer licence(LicenceRequest request) throws IOException, InterruptedException;

    /** The participants of a conference on the whole platform; IOException when unanswered. */
    ParticipantList participants(String conference) throws IOException, InterruptedException;
}
