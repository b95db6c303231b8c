package dev.confab.conferencing;

/**
 * Base of every failure the Conferencing Node agent reports to an operator; the message says what
 * is wrong and what to do, and is shown on the upload page as it is.
 */
public class ConferencingException extends RuntimeException {

    public ConferencingException(String message) {
        super(message);
    }

    public ConferencingException(String message, Throwable cause) {
        super(message, cause);
    }
}
