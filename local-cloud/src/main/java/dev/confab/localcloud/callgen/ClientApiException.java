package dev.confab.localcloud.callgen;

/** A client API request that got no answer of the API's form: no connection, a time-out, another body. */
public final class ClientApiException extends RuntimeException {

    ClientApiException(String message) {
        super(message);
    }

    ClientApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
