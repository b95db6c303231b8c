package dev.confab.management.store;

import dev.confab.management.ManagementException;

/** The store cannot be opened or migrated, or a write would leave it inconsistent. */
public final class StoreException extends ManagementException {

    public StoreException(String message) {
        super(message);
    }
}
