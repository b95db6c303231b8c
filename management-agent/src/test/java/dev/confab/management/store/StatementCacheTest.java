package dev.confab.management.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prepared statements kept per SQLite connection: reused, reset, bounded, released. */
class StatementCacheTest {

    private String url;
    private Connection connection;
    private Handle contexts;

    @BeforeEach
    void open(@TempDir Path dir) throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("cache.db");
        connection = DriverManager.getConnection(url);
        try (Statement setup = connection.createStatement()) {
            setup.execute("PRAGMA journal_mode = WAL");
            setup.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
            setup.execute("INSERT INTO item (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
        contexts = Jdbi.create(url).open();
    }

    @AfterEach
    void close() throws SQLException {
        contexts.close();
        connection.close();
    }

    private StatementContext context() {
        return contexts.createQuery("SELECT 1").getContext();
    }

    @Test
    void aStatementClosedAndRunAgainOnTheSameConnectionIsNotPreparedAgain() throws SQLException {
        StatementCache cache = new StatementCache(8);
        StatementBuilder first = cache.createStatementBuilder(connection);
        PreparedStatement statement = first.create(connection, "SELECT name FROM item WHERE id = ?", context());
        first.close(connection, "SELECT name FROM item WHERE id = ?", statement);
        first.close(connection);

        StatementBuilder second = cache.createStatementBuilder(connection);
        assertSame(statement, second.create(connection, "SELECT name FROM item WHERE id = ?", context()));
        assertFalse(statement.isClosed());
        assertNotSame(statement, second.create(connection, "SELECT name FROM item WHERE id = ?", context()),
                "a statement in use is not lent twice");
    }

    @Test
    void aKeptStatementComesBackWithoutTheParametersBoundBefore() throws SQLException {
        StatementCache cache = new StatementCache(8);
        StatementBuilder builder = cache.createStatementBuilder(connection);
        PreparedStatement statement = builder.create(connection, "SELECT ?", context());
        statement.setString(1, "bound before");
        try (ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next());
            assertEquals("bound before", rows.getString(1));
        }
        builder.close(connection, "SELECT ?", statement);

        PreparedStatement again = builder.create(connection, "SELECT ?", context());
        assertSame(statement, again);
        try (ResultSet rows = again.executeQuery()) {
            assertTrue(rows.next());
            assertNull(rows.getString(1));
        }
    }

    @Test
    void aStatementClosedOnARowHoldsNoSnapshotThatKeepsTheLogFromACheckpoint() throws SQLException {
        StatementCache cache = new StatementCache(8);
        StatementBuilder builder = cache.createStatementBuilder(connection);
        PreparedStatement statement = builder.create(connection, "SELECT name FROM item ORDER BY id", context());
        // stepped to its first row, and its result set never closed
        assertTrue(statement.execute());
        builder.close(connection, "SELECT name FROM item ORDER BY id", statement);
        assertFalse(statement.isClosed());

        try (Connection writer = DriverManager.getConnection(url); Statement write = writer.createStatement()) {
            write.execute("INSERT INTO item (id, name) VALUES (4, 'four')");
            try (ResultSet checkpoint = write.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                assertTrue(checkpoint.next());
                assertEquals(0, checkpoint.getInt(1), "the checkpoint was kept from completing by a reader");
            }
        }
    }

    @Test
    void aStatementItsHandleDidNotCloseIsClosedWhenTheHandleCloses() throws SQLException {
        StatementCache cache = new StatementCache(8);
        StatementBuilder builder = cache.createStatementBuilder(connection);
        PreparedStatement statement = builder.create(connection, "SELECT name FROM item", context());
        builder.close(connection);
        assertTrue(statement.isClosed());
        assertEquals(0, cache.kept());
    }

    @Test
    void aConnectionKeepsItsLastUsedStatementsUpToTheCapacityAndClosesTheOthers() throws SQLException {
        StatementCache cache = new StatementCache(2);
        StatementBuilder builder = cache.createStatementBuilder(connection);
        List<PreparedStatement> statements = new ArrayList<>();
        for (String sql : List.of("SELECT 1", "SELECT 2", "SELECT 3")) {
            PreparedStatement statement = builder.create(connection, sql, context());
            statements.add(statement);
            builder.close(connection, sql, statement);
        }
        assertEquals(2, cache.kept());
        assertTrue(statements.get(0).isClosed(), "the least recently used was dropped");
        assertFalse(statements.get(1).isClosed());
        assertFalse(statements.get(2).isClosed());
    }

    @Test
    void statementsOfAConnectionClosedSinceAreForgottenWhenAnotherConnectionIsLent() throws SQLException {
        StatementCache cache = new StatementCache(8);
        Connection other = DriverManager.getConnection(url);
        StatementBuilder builder = cache.createStatementBuilder(other);
        PreparedStatement statement = builder.create(other, "SELECT 1", context());
        builder.close(other, "SELECT 1", statement);
        assertEquals(1, cache.kept());
        other.close();

        cache.createStatementBuilder(connection);
        assertEquals(0, cache.kept());
    }

    @Test
    void aStatementReturningGeneratedKeysIsNotKept(@TempDir Path dir) {
        StatementCache cache = new StatementCache(8);
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("keys.db")).setStatementBuilderFactory(cache);
        try (Handle handle = jdbi.open()) {
            handle.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
            int kept = cache.kept();
            long id = handle.createUpdate("INSERT INTO item (name) VALUES ('one')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            assertEquals(1, id);
            assertEquals(kept, cache.kept());
            assertEquals("one", handle.createQuery("SELECT name FROM item WHERE id = 1").mapTo(String.class).one());
            assertEquals(kept + 1, cache.kept(), "a plain query is kept");
        }
    }

    @Test
    void aCacheKeepsAtLeastOneStatement() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new StatementCache(0));
        assertTrue(refused.getMessage().contains("at least one"), refused.getMessage());
    }
}
