package dev.confab.management.api;

import dev.confab.management.ManagementException;

/** A login refused unchecked because of too many failed ones (HTTP 429, with {@code Retry-After}). */
public final class TooManyAttemptsException extends ManagementException {

    public TooManyAttemptsException(String message) {
        super(message);
    }

    /** The message for a wait of {@code seconds}, the same on the API and the login page. */
    public static String message(long seconds) {
        return "Too many failed logins from this address or for this user: wait " + seconds
                + (seconds == 1 ? " second" : " seconds") + " and try again.";
    }
}
