package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** No or wrong credentials (HTTP 401). */
public final class UnauthorizedException extends ManagementException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
