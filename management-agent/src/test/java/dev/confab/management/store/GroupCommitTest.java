package dev.confab.management.store;

import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Writes that arrive while one commits share the next commit, each acknowledged only once it is
 * committed, each failing alone: on a real SQLite store.
 */
class GroupCommitTest {

    private Store store;
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        store.write(handle -> {
            handle.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            handle.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent (id))");
            handle.execute("CREATE TABLE item (id INTEGER PRIMARY KEY)");
            handle.execute("INSERT INTO parent (id) VALUES (1)");
            handle.execute("INSERT INTO child (id, parent) VALUES (1, 1)");
            return null;
        });
    }

    @AfterEach
    void close() {
        writers.shutdownNow();
        store.close();
    }

    /**
     * Runs {@code first} and, while it holds the commit, queues {@code later} (in order), then lets
     * the first finish; returns every write's outcome, the first's first.
     */
    private List<Future<Void>> whileOneCommits(List<Consumer<Handle>> later) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Void>> outcomes = new ArrayList<>();
        outcomes.add(writers.submit(() -> store.write(handle -> {
            handle.execute("INSERT INTO item (id) VALUES (100)");
            running.countDown();
            release.await();
            return null;
        })));
        running.await();
        for (Consumer<Handle> write : later) {
            int queued = store.queuedWrites();
            outcomes.add(writers.submit(() -> store.write(handle -> {
                write.accept(handle);
                return null;
            })));
            while (store.queuedWrites() == queued) {
                Thread.sleep(1); // queued in the order given
            }
        }
        release.countDown();
        for (Future<Void> outcome : outcomes) {
            try {
                outcome.get();
            } catch (ExecutionException failed) {
                // each test looks at the failures it expects
            }
        }
        return outcomes;
    }

    private static Consumer<Handle> insert(int id) {
        return handle -> handle.execute("INSERT INTO item (id) VALUES (?)", id);
    }

    private List<Integer> items() {
        return store.read(handle -> handle.createQuery("SELECT id FROM item ORDER BY id").mapTo(Integer.class).list());
    }

    @Test
    void writesArrivingWhileOneCommitsShareTheNextCommit() throws Exception {
        long before = store.commits();

        whileOneCommits(List.of(insert(1), insert(2), insert(3), insert(4), insert(5), insert(6), insert(7)));

        assertEquals(2, store.commits() - before, "the first alone, then the seven that waited, together");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 100), items());
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
        Consumer<Handle> failing = handle -> {
            handle.execute("INSERT INTO item (id) VALUES (3)");
            throw new IllegalArgumentException("refused by a rule");
        };

        List<Future<Void>> outcomes = whileOneCommits(List.of(insert(1), insert(2), failing, insert(4)));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> outcomes.get(3).get());
        assertInstanceOf(IllegalArgumentException.class, failure.getCause(), "the write's own error, as it threw it");
        assertEquals(List.of(1, 2, 4, 100), items(), "nothing of the failed write, everything of the others");
    }

    @Test
    void aForeignKeyLeftViolatedFailsOnlyTheWriteThatDeferredIt() throws Exception {
        Consumer<Handle> orphaning = handle -> {
            handle.execute("PRAGMA defer_foreign_keys = ON");
            handle.execute("DELETE FROM parent WHERE id = 1");
        };
        Consumer<Handle> tidyDeferred = handle -> {
            handle.execute("PRAGMA defer_foreign_keys = ON");
            handle.execute("INSERT INTO parent (id) VALUES (2)");
            handle.execute("INSERT INTO child (id, parent) VALUES (2, 2)");
        };

        List<Future<Void>> outcomes = whileOneCommits(List.of(insert(1), orphaning, insert(2), tidyDeferred, insert(3)));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> outcomes.get(2).get());
        assertInstanceOf(StoreException.class, failure.getCause());
        assertEquals(List.of(1, 2, 3, 100), items());
        assertEquals(List.of(1, 2), store.read(handle -> handle.createQuery("SELECT id FROM parent ORDER BY id")
                .mapTo(Integer.class).list()), "the parent stays; the write that deferred and left nothing wrong commits");
        // and foreign keys are checked at once again afterwards
        assertThrows(RuntimeException.class, () -> store.write(handle -> handle.execute("DELETE FROM parent WHERE id = 1")));
    }

    @Test
    void aWriteReturnsItsValueAndAWriteInsideAWriteJoinsIt() {
        long before = store.commits();
        int inner = store.write(handle -> {
            handle.execute("INSERT INTO item (id) VALUES (1)");
            return store.write(nested -> {
                nested.execute("INSERT INTO item (id) VALUES (2)");
                return 2;
            });
        });
        assertEquals(2, inner);
        assertEquals(1, store.commits() - before);
        assertEquals(List.of(1, 2), items());
    }

    @Test
    void theWritesShareEachStoreObjectAttachedToTheWritersConnection() throws Exception {
        List<RevisionDao> attached = java.util.Collections.synchronizedList(new ArrayList<>());
        Consumer<Handle> attaching = handle -> attached.add(Daos.on(handle, RevisionDao.class));
        whileOneCommits(List.of(attaching, attaching, attaching));
        assertEquals(3, attached.size());
        assertSame(attached.get(0), attached.get(1), "one group, one attachment");
        assertSame(attached.get(0), attached.get(2));

        RevisionDao next = store.write(handle -> Daos.on(handle, RevisionDao.class));
        assertSame(attached.get(0), next, "the next group runs on the connection kept, with what is attached to it");
        long revision = store.write(handle -> Daos.on(handle, RevisionDao.class).advance());
        long read = store.read(handle -> Daos.on(handle, RevisionDao.class).current());
        assertEquals(revision, read, "what a group's object wrote is read");
        assertNotSame(store.read(handle -> Daos.on(handle, RevisionDao.class)),
                store.read(handle -> Daos.on(handle, RevisionDao.class)), "a read's handle is its own");
    }

    @Test
    void aWriteWhoseConnectionBreaksFailsAndTheNextWriteOpensAnother() {
        assertThrows(RuntimeException.class, () -> store.write(handle -> {
            handle.execute("INSERT INTO item (id) VALUES (1)");
            try {
                handle.getConnection().close();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));

        store.write(handle -> handle.execute("INSERT INTO item (id) VALUES (2)"));
        assertEquals(List.of(2), items(), "nothing of the write whose connection broke; the next one kept");
        store.write(handle -> handle.execute("INSERT INTO item (id) VALUES (3)"));
        assertEquals(List.of(2, 3), items(), "the connection opened again is kept");
    }

    @Test
    void aWriteAfterTheStoreClosedIsRefused() {
        store.close();
        StoreException refused = assertThrows(StoreException.class, () -> store.write(handle -> 1));
        assertEquals("The store is closed: no write can be made.", refused.getMessage());
    }

    @Test
    void aWriteToAnotherStoreInsideAWriteLeavesTheOuterWriteItsConnection(@TempDir Path other) {
        try (Store second = Store.open(other.resolve("other.db"))) {
            long before = store.commits();
            store.write(handle -> {
                RevisionDao attached = Daos.on(handle, RevisionDao.class);
                second.write(inner -> Daos.on(inner, RevisionDao.class).advance());
                assertSame(attached, Daos.on(handle, RevisionDao.class), "still the writer's connection");
                store.write(nested -> nested.execute("INSERT INTO item (id) VALUES (1)"));
                return attached;
            });
            assertEquals(1, store.commits() - before, "the nested write joined the outer one");
            assertEquals(List.of(1), items());
        }
    }
}
