package dev.confab.shared.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecureFilesTest {

    private static SecureFiles.Replacement file(Path target, String content) {
        return new SecureFiles.Replacement(target, content.getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
    }

    @Test
    void replacesEveryFileWithItsPermissions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("node.key"), "old key");

        SecureFiles.replaceAll(List.of(file(dir.resolve("node.key"), "new key"), file(dir.resolve("node.crt"), "crt")));

        assertEquals("new key", Files.readString(dir.resolve("node.key")));
        assertEquals("crt", Files.readString(dir.resolve("node.crt")));
        assertTrue(SecureFiles.isOwnerOnly(dir.resolve("node.crt")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aFileThatCannotBeWrittenLeavesEveryFileAsItWas(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("node.key"), "old key");
        Files.writeString(dir.resolve("node.crt"), "old crt");

        assertThrows(IOException.class, () -> SecureFiles.replaceAll(List.of(file(dir.resolve("node.key"), "new key"),
                file(dir.resolve("missing/ca.crt"), "ca"), file(dir.resolve("node.crt"), "new crt"))));

        assertEquals("old key", Files.readString(dir.resolve("node.key")));
        assertEquals("old crt", Files.readString(dir.resolve("node.crt")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }
}
