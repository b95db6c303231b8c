package dev.confab.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The layout of a Management Node's data directory. */
public record DataDirectory(Path root) {

    /** Creates the directory (mode 0700) and its {@code pki/} and {@code logs/} children when missing. */
    public static DataDirectory prepare(Path root) {
        try {
            for (Path dir : new Path[] {root, root.resolve("pki"), root.resolve("logs")}) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
        return new DataDirectory(root);
    }

    public Path database() { return root.resolve("confab.db"); }
    /** Key that encrypts secrets at rest (mode 0600). */
    public Path secretKey() { return root.resolve("secret.key"); }
    public Path pki() { return root.resolve("pki"); }
    public Path logs() { return root.resolve("logs"); }
    /** The Management Node's IPsec certificate (key sealed) and, by default, its swanctl directory. */
    public Path ipsec() { return root.resolve("ipsec"); }
}
