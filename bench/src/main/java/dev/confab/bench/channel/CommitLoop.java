package dev.confab.bench.channel;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The write limit of the machine: a bare SQLite commit loop with the Management Node's durability
 * (WAL journal, {@code synchronous=FULL}), on the filesystem of its data: one thread, one row per
 * transaction, each committed to disk before the next.
 */
public final class CommitLoop {

    private CommitLoop() {
    }

    /** Commits per second over {@code seconds}, in a scratch database under {@code directory} (removed after). */
    public static double run(Path directory, int seconds) throws Exception {
        Path file = directory.resolve("commit-loop.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS loop (id INTEGER PRIMARY KEY, value TEXT NOT NULL)");
            }
            long commits = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO loop (value) VALUES (?)")) {
                while (System.nanoTime() < end) {
                    insert.setString(1, "commit " + commits);
                    insert.executeUpdate();
                    commits++;
                }
            }
            return commits / (double) seconds;
        } catch (SQLException e) {
            throw new IllegalStateException("the commit loop failed", e);
        } finally {
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                Files.deleteIfExists(directory.resolve("commit-loop.db" + suffix));
            }
        }
    }
}
