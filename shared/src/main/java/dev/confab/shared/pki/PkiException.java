package dev.confab.shared.pki;

import dev.confab.shared.ConfabException;

/**
 * A certificate, key, signing request or certificate authority could not be read, checked or used.
 * The message says what is wrong with the input and how to fix it, in words fit for an operator
 * who uploaded a file.
 */
public final class PkiException extends ConfabException {

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
