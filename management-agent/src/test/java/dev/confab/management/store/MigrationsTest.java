package dev.confab.management.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MigrationsTest {

    @Test
    void aScriptsVersionIsTheNumberInItsName() {
        assertEquals(4, Migrations.version("V4__channel.sql"));
        assertEquals(12, Migrations.version("V12__later.sql"));
    }

    @Test
    void aNewStoreIsAtTheNewestScriptsVersion(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("confab.db"))) {
            int version = store.read(handle -> handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
            assertEquals(10, version);
            // the calls' tables are there, and bursting's status starts with its one summary row
            int rows = store.read(handle -> handle.createQuery("SELECT COUNT(*) FROM participant_history")
                    .mapTo(Integer.class).one());
            assertEquals(0, rows);
            int summaries = store.read(handle -> handle.createQuery("SELECT COUNT(*) FROM cloud_bursting_status")
                    .mapTo(Integer.class).one());
            assertEquals(1, summaries);
            // and the global settings have no scrape token until one is set
            int tokens = store.read(handle -> handle.createQuery(
                    "SELECT COUNT(metrics_scrape_token) FROM global").mapTo(Integer.class).one());
            assertEquals(0, tokens);
        }
    }
}
