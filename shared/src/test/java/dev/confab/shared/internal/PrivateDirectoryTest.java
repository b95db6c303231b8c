package dev.confab.shared.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrivateDirectoryTest {

    @Test
    void createsTheDirectoryAndItsMissingParentsOwnerOnly(@TempDir Path root) throws Exception {
        Path data = root.resolve("var/lib/confab");

        SecureFiles.privateDirectory(data);

        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.getParent()), "a parent it made is private too");
    }

    @Test
    void leavesAnExistingDirectoryAsItIs(@TempDir Path root) throws Exception {
        Path shared = Files.createDirectory(root.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        assertEquals(shared, SecureFiles.privateDirectory(shared));

        assertEquals("rwxr-x---", mode(shared), "an operator's choice for an existing directory is kept");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
