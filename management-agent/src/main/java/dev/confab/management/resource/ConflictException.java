package dev.confab.management.resource;

import dev.confab.management.ManagementException;

/** The write clashes with the state of other objects, e.g. deleting a location still in use (HTTP 409). */
public final class ConflictException extends ManagementException {

    public ConflictException(String message) {
        super(message);
    }
}
