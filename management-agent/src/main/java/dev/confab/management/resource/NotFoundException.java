package dev.confab.management.resource;

import dev.confab.management.ManagementException;

/** The addressed object or resource does not exist (HTTP 404). */
public final class NotFoundException extends ManagementException {

    public NotFoundException(String message) {
        super(message);
    }
}
