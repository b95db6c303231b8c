package dev.confab.management.resource.engine;

import org.jdbi.v3.core.Handle;

/**
 * One transaction on the store, as components beside the write pipeline use it: the configuration
 * as typed records, and the store's DAOs for their own tables (tokens, certificates, the
 * administrator log), all committed together or not at all. Not thread-safe: bound to one
 * transaction.
 */
public final class StoreTransaction {

    private final Handle handle;
    private final TypedReads reads;

    StoreTransaction(Handle handle, TypedReads reads) {
        this.handle = handle;
        this.reads = reads;
    }

    /** The configuration as typed records, as this transaction sees it. */
    public TypedReads reads() {
        return reads;
    }

    /** A store DAO working in this transaction. */
    public <D> D dao(Class<D> type) {
        return handle.attach(type);
    }
}
