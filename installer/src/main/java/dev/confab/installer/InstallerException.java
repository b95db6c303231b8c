package dev.confab.installer;

import dev.confab.shared.ConfabException;

/** Anything that stops an installation; the message says what is wrong and what to do. */
public class InstallerException extends ConfabException {

    public InstallerException(String message) {
        super(message);
    }

    public InstallerException(String message, Throwable cause) {
        super(message, cause);
    }
}
