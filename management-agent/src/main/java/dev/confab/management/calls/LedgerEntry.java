package dev.confab.management.calls;

import dev.confab.shared.wire.ParticipantReport;

import java.time.Instant;

/**
 * One call the Management Node counts: as its signalling node last reported it (or asked a licence
 * for it), the licence it holds, and the request number of its grant.
 *
 * @param nodeId   the signalling node's id
 * @param granted  the number of the licence request that admitted it; 0 when it was learnt from a report
 * @param licence  which licence it holds
 * @param since    when the Management Node first counted it
 */
record LedgerEntry(long nodeId, ParticipantReport report, long granted, LicenceKind licence, Instant since) {

    /** Which of the platform's licences a call holds. */
    enum LicenceKind { PORT, AUDIO }

    LedgerEntry reported(ParticipantReport latest) {
        return new LedgerEntry(nodeId, latest, granted, licence, since);
    }
}
