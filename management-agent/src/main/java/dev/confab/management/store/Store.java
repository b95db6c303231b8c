package dev.confab.management.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/**
 * The Management Node's SQLite store: WAL journal, foreign keys on, a busy timeout, full sync so a
 * commit is on disk before it is acknowledged. Writes run one at a time (SQLite has one writer
 * anyway; serialising here avoids lock upgrades failing under load), and writes that arrive while
 * one commits share the next commit ({@link GroupCommit}): each is its own savepoint, fails alone,
 * and returns once the commit that holds it is on disk. Reads run concurrently. Thread-safe.
 */
public final class Store implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final GroupCommit writes;

    private Store(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        this.writes = new GroupCommit(jdbi);
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Store open(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("confab-store");
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(2);
        Store store = new Store(new HikariDataSource(pool));
        try {
            store.write(Migrations::apply);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Runs a read on a pooled connection. */
    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        return jdbi.withHandle(callback);
    }

    /**
     * Runs a write, after every earlier write, all or nothing, and returns once it is committed to
     * disk (with the writes that arrived meanwhile); if it throws, nothing of it is kept.
     */
    public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        return writes.write(callback);
    }

    /** Commits to disk so far, each holding one or more writes (metrics, benchmarks, tests). */
    public long commits() {
        return writes.commits();
    }

    /** Writes waiting for the commit under way to finish (tests). */
    int queuedWrites() {
        return writes.queued();
    }

    /** Writes done so far, committed or failed. */
    public long writes() {
        return writes.writes();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
