package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** A request refused although it may be authenticated, e.g. a form without its CSRF token (HTTP 403). */
public final class ForbiddenException extends ManagementException {

    public ForbiddenException(String message) {
        super(message);
    }
}
