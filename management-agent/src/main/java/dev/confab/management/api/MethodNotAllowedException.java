package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** The resource does not accept this method at this URI (HTTP 405). */
public final class MethodNotAllowedException extends ManagementException {

    public MethodNotAllowedException(String message) {
        super(message);
    }
}
