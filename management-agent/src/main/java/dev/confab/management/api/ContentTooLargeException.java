package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** A request body over the API's limit (HTTP 413). */
public final class ContentTooLargeException extends ManagementException {

    public ContentTooLargeException(String message) {
        super(message);
    }
}
