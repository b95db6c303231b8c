package dev.confab.management.store;

import com.zaxxer.hikari.HikariConfig;
import dev.confab.shared.metrics.AgentMetrics;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Management Node's SQLite store: WAL journal, foreign keys on, a busy timeout, full sync so a
 * commit is on disk before it is acknowledged. Writes run one at a time in a transaction (SQLite
 * has one writer anyway; serialising here avoids lock upgrades failing under load); reads run
 * concurrently. Thread-safe.
 */
public final class Store implements AutoCloseable, MeterBinder {

    private static final Duration[] COMMIT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile Timer commits = Timer.builder("confab.store.commit").register(AgentMetrics.none());

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
        long start = System.nanoTime();
        try {
            return jdbi.inTransaction(callback);
        } finally {
            commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            writeLock.unlock();
        }
    }

    /**
     * Times every write transaction from now on as {@code confab.store.commit}: from its start, once
     * the earlier writes are done, to its commit on disk (or its rollback).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        commits = Timer.builder("confab.store.commit")
                .description("Write transactions of the store, from their start to their commit on disk")
                .serviceLevelObjectives(COMMIT_BUCKETS).register(registry);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
