package dev.confab.shared.wire;

import java.util.List;

/**
 * The Management Node's answer to a {@link LicenceRequest}.
 *
 * @param granted   whether the call holds a licence now (until the node's reports no longer list it)
 * @param refusal   why not, starting with "capacity exceeded" when licences or the conference's
 *                  participant limit are exhausted; null when granted
 * @param locations the load of the locations asked for, as fresh as the Management Node has it, each
 *                  listing the nodes that can take the call: those hosting its conference, and the
 *                  others out of maintenance mode with the most free tokens (at most 32 in all)
 */
public record LicenceAnswer(boolean granted, String refusal, List<LocationLoad> locations) {

    public LicenceAnswer {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
