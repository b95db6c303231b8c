package dev.confab.conferencing;

import dev.confab.shared.ConfabException;

/**
 * Base of every failure the Conferencing Node agent reports to an operator; the message says what
 * is wrong and what to do, and is shown on the upload page as it is. A {@link ConfabException}, as
 * the shared module's failures are, so one {@code catch (ConfabException e)} reports both.
 */
public class ConferencingException extends ConfabException {

    public ConferencingException(String message) {
        super(message);
    }

    public ConferencingException(String message, Throwable cause) {
        super(message, cause);
    }
}
