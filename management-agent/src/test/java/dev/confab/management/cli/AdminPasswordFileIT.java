package dev.confab.management.cli;

import dev.confab.management.ManagementAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --admin-password-file} is needed at first start only, as the operator's guide says. */
@Timeout(120)
class AdminPasswordFileIT {

    @TempDir
    Path dir;

    @Test
    void startsAgainAfterTheOperatorDeletedThePasswordFile() throws Exception {
        Path data = dir.resolve("data");
        Path passwordFile = Files.writeString(dir.resolve("admin-password"), "first start secret\n");
        try (ManagementAgent first = ManagementAgent.create(command(data, passwordFile).config()).start()) {
            assertTrue(first.credentials().checkPassword("admin", "first start secret"));
        }
        Files.delete(passwordFile);

        try (ManagementAgent second = ManagementAgent.create(command(data, passwordFile).config()).start()) {
            assertTrue(second.httpsPort() > 0);
            assertTrue(second.credentials().checkPassword("admin", "first start secret"));
        }
    }

    @Test
    void refusesAFirstStartWhosePasswordFileIsMissing() {
        Path missing = dir.resolve("no-such-file");
        Exception refused = assertThrows(Exception.class,
                () -> ManagementAgent.create(command(dir.resolve("data"), missing).config()).start().close());
        assertTrue(refused.getMessage().contains(missing.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("--admin-password-file"), refused.getMessage());
        assertFalse(refused instanceof java.nio.file.NoSuchFileException, "a clear message, not a bare " + refused);
    }

    private static ManagementAgentCommand command(Path data, Path passwordFile) {
        ManagementAgentCommand command = new ManagementAgentCommand();
        new CommandLine(command).parseArgs("--data", data.toString(), "--bind", "127.0.0.1", "--https-port", "0",
                "--node-port", "0", "--admin-user", "admin", "--admin-password-file", passwordFile.toString());
        return command;
    }
}
