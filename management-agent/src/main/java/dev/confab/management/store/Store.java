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

/**
 * The Management Node's SQLite store: WAL journal, foreign keys on, a busy timeout, full sync so a
 * commit is on disk before it is acknowledged. Writes run one at a time (SQLite has one writer
 * anyway; serialising here avoids lock upgrades failing under load), and writes that arrive while
 * one commits share the next commit ({@link GroupCommit}): each is its own savepoint, fails alone,
 * and returns once the commit that holds it is on disk. Reads run concurrently. Each pooled connection
 * keeps the statements prepared on it ({@link StatementCache}). Thread-safe.
 */
public final class Store implements AutoCloseable, MeterBinder {

    private static final Duration[] COMMIT_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1)};

    /** Prepared statements kept per connection ({@link StatementCache}). */
    private static final int STATEMENTS_PER_CONNECTION = 256;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private volatile Timer commits = Timer.builder("confab.store.commit").register(AgentMetrics.none());
    private final GroupCommit writes;

    private Store(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                .setStatementBuilderFactory(new StatementCache(STATEMENTS_PER_CONNECTION));
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
        // a local file's connection does not go stale: kept for good, with the statements prepared on it
        pool.setIdleTimeout(0);
        pool.setMaxLifetime(0);
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
        long start = System.nanoTime();
        try {
            return writes.write(callback);
        } finally {
            commits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
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

    /**
     * Times every write from now on as {@code confab.store.commit}: from the call to its commit on disk
     * (or its rollback), waiting for the commit it shares with other writes included.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        commits = Timer.builder("confab.store.commit")
                .description("Writes of the store, from the call to their commit on disk, shared commits included")
                .serviceLevelObjectives(COMMIT_BUCKETS).register(registry);
    }

    @Override
    public void close() {
        writes.close();
        dataSource.close();
    }
}
