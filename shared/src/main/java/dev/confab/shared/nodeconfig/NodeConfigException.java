package dev.confab.shared.nodeconfig;

import dev.confab.shared.ConfabException;

/**
 * A node configuration file that cannot be read or written. The message says what is wrong with the
 * file and what the operator should do, and is shown on the upload page as it is.
 */
public final class NodeConfigException extends ConfabException {

    public NodeConfigException(String message) {
        super(message);
    }

    public NodeConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
