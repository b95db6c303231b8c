package dev.confab.management.store;

import org.jdbi.v3.core.Handle;

/**
 * Store objects (Jdbi SQL objects) for a handle. Attaching one builds a handler for each of its
 * methods, which took about a sixth of the writer's time when every write attached its own; the
 * writes of one group share each one attached to the group's connection ({@link GroupCommit}).
 */
public final class Daos {

    private Daos() {
    }

    /** {@code type} working on {@code handle}; for a running group's connection, the one attached first. */
    public static <T> T on(Handle handle, Class<T> type) {
        return GroupCommit.attached(handle, type);
    }
}
