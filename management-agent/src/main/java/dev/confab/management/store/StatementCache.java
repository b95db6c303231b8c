package dev.confab.management.store;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per SQLite connection, so that a statement run again on the same
 * connection is not compiled again (neither the JDBC driver nor the pool keeps them). A handle's
 * statements are prepared on the pooled connection's SQLite connection itself; when Jdbi closes one,
 * it is reset (so that it holds no read snapshot) and its parameters and batch are cleared, and it
 * goes back to its connection's cache, which keeps the {@link #capacity} last used and closes those it
 * drops. A statement its handle did not close by the time the handle closes is closed, not kept.
 * Statements with generated keys, callable ones and plain ones are not cached.
 * A connection's statements are used by one handle at a time, as the pool lends the connection to
 * one at a time. Thread-safe.
 */
final class StatementCache implements StatementBuilderFactory {

    private final int capacity;
    private final Map<SQLiteConnection, Kept> connections = new ConcurrentHashMap<>();

    /** @param capacity statements kept per connection */
    StatementCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A statement cache keeps at least one statement per connection, not " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        SQLiteConnection sqlite;
        try {
            sqlite = connection.unwrap(SQLiteConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The store's connection is not an SQLite connection: " + e.getMessage(), e);
        }
        Kept kept = connections.get(sqlite);
        if (kept == null) {
            // a connection the pool has not lent before: forget those it has closed since
            connections.keySet().removeIf(StatementCache::isClosed);
            kept = connections.computeIfAbsent(sqlite, key -> new Kept(capacity));
        }
        return new Lent(sqlite, kept);
    }

    /** Statements kept for all connections, for tests. */
    int kept() {
        return connections.values().stream().mapToInt(Kept::size).sum();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** One connection's statements not in use, the least recently used first. */
    private static final class Kept {
        private final int capacity;
        private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

        Kept(int capacity) {
            this.capacity = capacity;
        }

        synchronized PreparedStatement take(String sql) {
            return statements.remove(sql);
        }

        /** Keeps {@code statement} unless one for {@code sql} is kept already; returns those to close. */
        synchronized List<PreparedStatement> keep(String sql, PreparedStatement statement) {
            List<PreparedStatement> dropped = new ArrayList<>();
            if (statements.putIfAbsent(sql, statement) != null) {
                dropped.add(statement);
            }
            var eldest = statements.entrySet().iterator();
            while (statements.size() > capacity) {
                dropped.add(eldest.next().getValue());
                eldest.remove();
            }
            return dropped;
        }

        synchronized int size() {
            return statements.size();
        }
    }

    /** The statements of one handle: taken from its connection's cache and given back when closed. */
    private static final class Lent implements StatementBuilder {
        private final SQLiteConnection sqlite;
        private final Kept kept;
        private final StatementBuilder plain = new DefaultStatementBuilder();
        private final Map<Statement, String> inUse = new IdentityHashMap<>();

        Lent(SQLiteConnection sqlite, Kept kept) {
            this.sqlite = sqlite;
            this.kept = kept;
        }

        @Override
        public Statement create(Connection connection, StatementContext context) throws SQLException {
            return plain.create(connection, context);
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
            if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
                return plain.create(connection, sql, context);
            }
            PreparedStatement statement = kept.take(sql);
            if (statement == null || statement.isClosed()) {
                statement = sqlite.prepareStatement(sql);
            }
            inUse.put(statement, sql);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
            return plain.createCall(connection, sql, context);
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            String key = inUse.remove(statement);
            if (key == null) {
                plain.close(connection, sql, statement);
                return;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                // a statement stepped to a row and not reset would hold its connection's read snapshot,
                // keeping the write-ahead log from being checkpointed past it
                ((CoreStatement) prepared).pointer.safeRunInt((database, pointer) -> database.reset(pointer));
                prepared.clearBatch();
                prepared.clearParameters();
            } catch (SQLException e) {
                prepared.close();
                throw e;
            }
            for (PreparedStatement dropped : kept.keep(key, prepared)) {
                dropped.close();
            }
        }

        /** The handle is closing: a statement it did not close is closed rather than kept. */
        @Override
        public void close(Connection connection) {
            for (Statement statement : inUse.keySet()) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // the handle is closing: the statement is released either way
                }
            }
            inUse.clear();
        }
    }
}
