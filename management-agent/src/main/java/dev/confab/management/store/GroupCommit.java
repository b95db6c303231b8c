package dev.confab.management.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes that share their commit: a writer queues its write and takes the commit lock; whoever
 * holds it runs every write queued by then, in order, in one transaction, each in a savepoint of its
 * own, and commits them together: one sync to disk for the group. A write returns only once the
 * commit that holds it is on disk. A write that fails is rolled back to its savepoint and fails
 * alone; the others of its group commit. A write that defers foreign key checks to the commit
 * ({@code PRAGMA defer_foreign_keys}) is checked when it ends instead, so that a reference it
 * leaves dangling fails it alone. Should the commit itself fail, every write of the group fails
 * and none is kept. The groups run on one connection, kept from one group to the next with the
 * store objects the writes attach to it, each attached once ({@link Daos}); a group that fails as a
 * whole (its connection broke, its commit failed) closes it, and the next group opens another.
 * Should no connection open, the writes queued then fail rather than wait. Thread-safe.
 */
final class GroupCommit implements AutoCloseable {

    /** The group commit whose group runs on this thread: its group's handle, and the store objects attached to it. */
    private static final ThreadLocal<GroupCommit> RUNNING = new ThreadLocal<>();

    /** One queued write and, once its group is done, what it gave. */
    private static final class Write {
        final HandleCallback<?, ?> callback;
        Object value;
        Throwable failure;
        volatile boolean done;

        Write(HandleCallback<?, ?> callback) {
            this.callback = callback;
        }
    }

    private final Jdbi jdbi;
    private final Queue<Write> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    /** The groups' connection, kept between them; guarded by {@link #lock}. */
    private Handle writer;
    /** Store objects attached to {@link #writer}; guarded by {@link #lock}. */
    private final Map<Class<?>, Object> attached = new HashMap<>();
    private boolean closed;

    GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        Handle joined = RUNNING.get() == this ? writer : null;
        if (joined != null) {
            // a write made inside a write: part of the one running, as a nested transaction would be
            return callback.withHandle(joined);
        }
        Write write = new Write(callback);
        queue.add(write);
        lock.lock();
        try {
            while (!write.done) {
                commitGroup();
            }
        } finally {
            lock.unlock();
        }
        return result(write);
    }

    /** Commits so far, each holding one or more writes. */
    long commits() {
        return commits.get();
    }

    /** Writes committed or failed so far. */
    long writes() {
        return writes.get();
    }

    /** Writes waiting for a group. */
    int queued() {
        return queue.size();
    }

    /**
     * {@code type} attached to {@code handle}: once for the writer's connection while a group runs
     * on this thread; anew for any other handle.
     */
    static <T> T attached(Handle handle, Class<T> type) {
        GroupCommit group = RUNNING.get();
        if (group == null || group.writer != handle) {
            return handle.attach(type);
        }
        return type.cast(group.attached.computeIfAbsent(type, handle::attach));
    }

    private void commitGroup() {
        List<Write> group = new ArrayList<>();
        // a write of another store's group may be running on this thread, this one inside it
        GroupCommit outer = RUNNING.get();
        Handle handle = null;
        boolean keep = false;
        try {
            handle = open();
            RUNNING.set(this);
            handle.begin();
            try {
                runQueued(handle, group);
                commit(handle);
                keep = true;
            } catch (RuntimeException | Error e) {
                handle.rollback();
                group.stream().filter(write -> write.failure == null).forEach(write -> {
                    write.value = null;
                    write.failure = e;
                });
            }
        } catch (RuntimeException | Error e) {
            // the connection itself failed (opening, beginning or rolling back): the next group opens another
            if (group.isEmpty()) {
                // no write of the group had started: the writes queued now fail with it rather than wait
                for (Write write = queue.poll(); write != null; write = queue.poll()) {
                    group.add(write);
                }
            }
            group.stream().filter(write -> write.failure == null).forEach(write -> write.failure = e);
        } finally {
            if (!keep) {
                // the group failed as a whole: its connection may be what failed
                closeWriter();
            }
            if (outer == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(outer);
            }
            writes.addAndGet(group.size());
            group.forEach(write -> write.done = true);
        }
    }

    private Handle open() {
        if (closed) {
            throw new StoreException("The store is closed: no write can be made.");
        }
        if (writer == null) {
            writer = jdbi.open();
        }
        return writer;
    }

    private void closeWriter() {
        attached.clear();
        if (writer != null) {
            Handle handle = writer;
            writer = null;
            try {
                handle.close();
            } catch (RuntimeException e) {
                // after the commit or the rollback: what the group wrote stands or is gone either way,
                // and a broken connection is replaced by the pool
            }
        }
    }

    /** Once the group under way, if any, is done, refuses later writes and gives the connection back. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeWriter();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the writes queued when the group starts, in turn (those queued meanwhile wait for the
     * next commit), each in its own savepoint.
     */
    private void runQueued(Handle handle, List<Write> group) {
        int size = queue.size();
        for (Write write = queue.poll(); write != null; write = group.size() < size ? queue.poll() : null) {
            group.add(write);
            String savepoint = savepoint(group.size());
            executeOnPool(handle, "SAVEPOINT " + savepoint);
            try {
                write.value = write.callback.withHandle(handle);
                checkDeferredForeignKeys(handle);
            } catch (Throwable failure) {
                executeOnPool(handle, "ROLLBACK TO " + savepoint);
                write.value = null;
                write.failure = failure;
            }
            handle.execute("PRAGMA defer_foreign_keys = OFF");
            executeOnPool(handle, "RELEASE " + savepoint);
        }
    }

    /**
     * Runs {@code sql} on a statement of the pool's own, not one the store keeps prepared
     * ({@link StatementCache}): so the pool knows that the connection holds writes not yet committed,
     * and rolls them back should the connection be closed before the commit.
     */
    private static void executeOnPool(Handle handle, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("The store could not run " + sql + ": " + e.getMessage());
        }
    }

    /**
     * A write that deferred foreign key checks to the commit is checked now, so that a reference it
     * left dangling fails it alone rather than the commit of its whole group.
     */
    private static void checkDeferredForeignKeys(Handle handle) {
        if (handle.createQuery("PRAGMA defer_foreign_keys").mapTo(Integer.class).one() == 0) {
            return;
        }
        List<Map<String, Object>> violations = handle.createQuery("PRAGMA foreign_key_check").mapToMap().list();
        if (!violations.isEmpty()) {
            Map<String, Object> first = violations.get(0);
            throw new StoreException("FOREIGN KEY constraint failed: the write would leave row " + first.get("rowid")
                    + " of " + first.get("table") + " referring to a missing row of " + first.get("parent")
                    + "; nothing of it was kept.");
        }
    }

    private void commit(Handle handle) {
        handle.commit();
        commits.incrementAndGet();
    }

    private static String savepoint(int position) {
        return "confab_write_" + position;
    }

    @SuppressWarnings("unchecked")
    private static <R, X extends Exception> R result(Write write) throws X {
        Throwable failure = write.failure;
        if (failure == null) {
            return (R) write.value;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw (X) failure;
    }
}
