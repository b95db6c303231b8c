package dev.confab.management.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Management Node's SQLite store: WAL journal, foreign keys on, a busy timeout, full sync so a
 * commit is on disk before it is acknowledged. Writes run one at a time in a transaction (SQLite
 * has one writer anyway; serialising here avoids lock upgrades failing under load); reads run
 * concurrently. Thread-safe.
 */
public final class Store implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Store(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
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

    /** Runs a write in one transaction, after every earlier write has committed. */
    public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        writeLock.lock();
        try {
            return jdbi.inTransaction(callback);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
