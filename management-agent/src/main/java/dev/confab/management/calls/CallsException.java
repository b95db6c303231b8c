package dev.confab.management.calls;

import dev.confab.management.ManagementException;

/** A command on calls that could not be carried out because a node did not answer (HTTP 502). */
public final class CallsException extends ManagementException {

    public CallsException(String message, Throwable cause) {
        super(message, cause);
    }
}
