package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** A request body in a format the API does not take (HTTP 415). */
public final class UnsupportedMediaTypeException extends ManagementException {

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
