package dev.confab.conferencing.channel;

import dev.confab.conferencing.ConferencingException;

/**
 * An enrolment the Management Node did not decide: it could not be reached, the exchange failed, or
 * it answered with a server error (5xx). Unlike a refusal, trying again later may succeed.
 */
public final class EnrolmentUnansweredException extends ConferencingException {

    public EnrolmentUnansweredException(String message, Throwable cause) {
        super(message, cause);
    }
}
