package dev.confab.management.store;

import dev.confab.management.ManagementException;

/** The store cannot be opened or migrated. */
public final class StoreException extends ManagementException {

    public StoreException(String message) {
        super(message);
    }
}
