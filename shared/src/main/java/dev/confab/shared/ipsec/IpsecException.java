package dev.confab.shared.ipsec;

import dev.confab.shared.ConfabException;

/** The IPsec configuration could not be rendered, written or handed to strongSwan; the message says why. */
public final class IpsecException extends ConfabException {

    public IpsecException(String message) {
        super(message);
    }

    public IpsecException(String message, Throwable cause) {
        super(message, cause);
    }
}
