package dev.confab.distribution;

import dev.confab.distribution.testing.InstalledTree;
import dev.confab.shared.crypto.ShaCrypt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive's {@code confab-admin-password} applies the hash the wizard or a node's configuration
 * file left in {@code /etc/confab} to the admin account, with {@code usermod -p}; here {@code id} and
 * {@code usermod} are stand-ins that record what they were asked, and the files sit in a test root.
 */
class AdminPasswordIT {

    @TempDir
    Path dir;

    private InstalledTree tree;
    private Path calls;

    @BeforeEach
    void unpack() throws Exception {
        tree = InstalledTree.unpack(Path.of(System.getProperty("confab.archive")), dir.resolve("root"));
        calls = dir.resolve("calls");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        stub(bin.resolve("id"), "[ \"$1\" = admin ]");
        stub(bin.resolve("usermod"), "printf '%s\\n' \"$*\" >> '" + calls + "'");
    }

    @Test
    void appliesTheHashTheWizardStored() throws Exception {
        String hash = ShaCrypt.hash("Wizard-Pa55".toCharArray());
        write("etc/confab/admin-password", hash + "\n", Instant.now());

        Run run = run();

        assertEquals(0, run.status(), run.output());
        assertEquals("-p " + hash + " admin\n", Files.readString(calls));
        assertTrue(run.output().contains("applied the password from"), run.output());
    }

    @Test
    void theNewerFileWinsAndTheUserPrefixOfTheNodeFileIsDropped() throws Exception {
        String older = ShaCrypt.hash("Older-Pa55".toCharArray());
        String newer = ShaCrypt.hash("Newer-Pa55".toCharArray());
        write("etc/confab/admin-password", older + "\n", Instant.now().minusSeconds(60));
        write("etc/confab/admin-password.hash", "admin:" + newer + "\n", Instant.now());

        Run run = run();

        assertEquals(0, run.status(), run.output());
        assertEquals("-p " + newer + " admin\n", Files.readString(calls));
    }

    @Test
    void refusesWhatIsNotAShaCryptHashAndLeavesTheAccountAlone() throws Exception {
        write("etc/confab/admin-password", "plain-text-password\n", Instant.now());

        Run run = run();

        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("does not hold a SHA-512 crypt hash"), run.output());
        assertFalse(Files.exists(calls), "usermod was not called");
    }

    @Test
    void doesNothingBeforeAPasswordIsSet() throws Exception {
        Run run = run();

        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("nothing to apply"), run.output());
        assertFalse(Files.exists(calls), "usermod was not called");
    }

    private record Run(int status, String output) {
    }

    private Run run() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(tree.root().resolve("opt/confab/bin/confab-admin-password")
                .toString()).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("CONFAB_SYSTEM_ROOT", tree.root().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private void write(String path, String content, Instant modified) throws Exception {
        Path file = tree.root().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void stub(Path program, String body) throws Exception {
        Files.writeString(program, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
