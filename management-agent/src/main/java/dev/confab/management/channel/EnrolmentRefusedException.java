package dev.confab.management.channel;

import dev.confab.management.ManagementException;

/** An enrolment refused (HTTP 403): unknown, used, superseded or expired token, or a deleted node. */
public final class EnrolmentRefusedException extends ManagementException {

    public EnrolmentRefusedException(String message) {
        super(message);
    }
}
