package dev.confab.shared.crypto;

import dev.confab.shared.ConfabException;

/**
 * A secret could not be stored, opened or hashed: a key file with loose permissions or the wrong
 * length, a sealed value that was altered or made with another key. The message names the file or
 * value and says what to do.
 */
public final class CryptoException extends ConfabException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
