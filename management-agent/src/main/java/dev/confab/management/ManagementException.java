package dev.confab.management;

/** Base of every failure the Management Node reports to an operator; messages say what to fix. */
public class ManagementException extends RuntimeException {

    public ManagementException(String message) {
        super(message);
    }

    public ManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
