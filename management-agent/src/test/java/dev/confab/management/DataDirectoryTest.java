package dev.confab.management;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Management Node's data directory and its database file, which holds hashes and sealed secrets. */
class DataDirectoryTest {

    @Test
    void createsTheDirectoryAndAnEmptyDatabaseForItsOwnerOnly(@TempDir Path dir) throws Exception {
        DataDirectory data = DataDirectory.prepare(dir.resolve("data"));

        assertEquals("rwx------", mode(data.root()));
        assertEquals("rw-------", mode(data.database()));
        assertEquals(0, Files.size(data.database()));
    }

    @Test
    void restrictsADatabaseAndWalThatAnEarlierReleaseLeftReadableByAll(@TempDir Path dir) throws Exception {
        Path database = Files.writeString(dir.resolve("confab.db"), "rows");
        Path wal = Files.writeString(dir.resolve("confab.db-wal"), "frames");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.prepare(dir);

        assertEquals("rw-------", mode(database));
        assertEquals("rw-------", mode(wal));
        assertEquals("rows", Files.readString(database), "the contents stay");
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
