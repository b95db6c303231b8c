package dev.confab.management;

import dev.confab.shared.internal.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The layout of a Management Node's data directory. */
public record DataDirectory(Path root) {

    private static final String DATABASE = "confab.db";

    /**
     * Creates the directory (mode 0700) and its {@code pki/} and {@code logs/} children when missing,
     * and the database file, empty, mode 0600 (see {@link #restrictDatabase}).
     */
    public static DataDirectory prepare(Path root) {
        try {
            for (Path dir : new Path[] {root, root.resolve("pki"), root.resolve("logs")}) {
                SecureFiles.privateDirectory(dir);
            }
            restrictDatabase(root.resolve(DATABASE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
        return new DataDirectory(root);
    }

    /**
     * The database holds password and token hashes and sealed secrets: mode 0600, as are its WAL and
     * shared-memory files, to which SQLite gives the database file's mode. SQLite creates a missing
     * database readable by all, so it is created here first (an empty file is an empty database);
     * files an earlier release left readable by all are restricted.
     */
    private static void restrictDatabase(Path database) throws IOException {
        if (!Files.exists(database)) {
            Files.createFile(database, PosixFilePermissions.asFileAttribute(SecureFiles.OWNER_ONLY));
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(file) && !SecureFiles.isOwnerOnly(file)) {
                Files.setPosixFilePermissions(file, SecureFiles.OWNER_ONLY);
            }
        }
    }

    /** The SQLite database (mode 0600, as its WAL and shared-memory files). */
    public Path database() { return root.resolve(DATABASE); }
    /** Key that encrypts secrets at rest (mode 0600). */
    public Path secretKey() { return root.resolve("secret.key"); }
    public Path pki() { return root.resolve("pki"); }
    public Path logs() { return root.resolve("logs"); }
    /** The Management Node's IPsec certificate (key sealed) and, by default, its swanctl directory. */
    public Path ipsec() { return root.resolve("ipsec"); }
}
