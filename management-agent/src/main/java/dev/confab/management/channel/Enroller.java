package dev.confab.management.channel;

import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.EnrolResponse;

/**
 * What the node channel's enrolment route ({@code POST /node/v1/enrol}) asks of provisioning: a
 * certificate for a token and a CSR. Implementations are thread-safe.
 */
public interface Enroller {

    /**
     * The certificate for the node the token belongs to; {@code from} is the requester's address.
     *
     * @throws EnrolmentRefusedException when the token or the request is refused (answered 403)
     */
    EnrolResponse enrol(EnrolRequest request, String from);
}
