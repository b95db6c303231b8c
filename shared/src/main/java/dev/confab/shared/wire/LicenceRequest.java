package dev.confab.shared.wire;

import java.util.List;

/**
 * Body of {@code POST /node/v1/licence}: a receiving node asks the Management Node for one of the
 * platform's concurrent-call licences before it admits a call, and for the load it needs to place it.
 *
 * @param incarnation      the node's calls' generation ({@link Heartbeat.Calls#incarnation()})
 * @param sequence         from the node's report counter (see {@link Heartbeat.Calls#sequence()}),
 *                         taken after the call was added to the node's list of calls
 * @param participant      the call; not placed yet
 * @param participantLimit the conference's participant limit, null for none
 * @param locations        the locations whose load the node wants in the answer, in placement order
 */
public record LicenceRequest(String incarnation, long sequence, ParticipantReport participant, Integer participantLimit,
                             List<String> locations) {

    public LicenceRequest {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
