package dev.confab.management.cloud;

import dev.confab.management.ManagementException;

/** The global settings do not allow a call to EC2; the message says what to change. */
public final class CloudSettingsException extends ManagementException {

    public CloudSettingsException(String message) {
        super(message);
    }
}
