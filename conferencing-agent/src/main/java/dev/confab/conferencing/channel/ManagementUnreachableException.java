package dev.confab.conferencing.channel;

import java.io.IOException;

/**
 * A call to the Management Node found no connection: its port refused it (nothing listens there,
 * as while the Management Node restarts), or no answer came to the attempt in time. The loops try
 * such a call again sooner than one the Management Node answered with an error, as the attempt
 * costs it nothing.
 */
public final class ManagementUnreachableException extends IOException {

    ManagementUnreachableException(String message, IOException cause) {
        super(message, cause);
    }
}
