package dev.confab.shared.net;

import dev.confab.shared.ConfabException;

/** Text that is not the IPv4 address or network mask it should be; the message names the text and why. */
public final class Ipv4FormatException extends ConfabException {

    public Ipv4FormatException(String message) {
        super(message);
    }
}
