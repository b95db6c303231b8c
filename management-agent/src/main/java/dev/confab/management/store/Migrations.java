package dev.confab.management.store;

import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies the versioned scripts {@code db/migration/V<n>__*.sql} in order, each once, recording the
 * version reached (the {@code n} of the newest script applied) in SQLite's {@code user_version}.
 * Numbers increase but may leave gaps, so that work on separate branches can take distinct numbers.
 * Runs inside the store's write transaction, so a failing script leaves the database as it was.
 */
final class Migrations {

    /** Every script, in increasing order of version; a new schema version is a new entry here and a new file. */
    private static final String[] SCRIPTS = {"V1__initial.sql", "V2__web.sql", "V3__provisioning.sql",
            "V4__channel.sql", "V5__several_changes_per_revision.sql",
            "V6__reference_fields.sql", "V7__calls.sql", "V8__bursting_runs.sql", "V9__metrics_token.sql",
            "V10__bursting_plans_ahead.sql"};

    private Migrations() {
    }

    static Void apply(Handle handle) {
        int current = handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        int newest = version(SCRIPTS[SCRIPTS.length - 1]);
        if (current > newest) {
            throw new StoreException("The database schema version " + current + " is newer than this"
                    + " Management Node supports (" + newest + "): run a newer release.");
        }
        for (String script : SCRIPTS) {
            int version = version(script);
            if (version > current) {
                handle.createScript(load(script)).execute();
                handle.execute("PRAGMA user_version = " + version);
            }
        }
        return null;
    }

    /** The {@code n} of {@code V<n>__name.sql}. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new StoreException("Migration script " + name + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
