package dev.confab.shared.ipsec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SwanctlLoaderTest {

    @Test
    void skipsLoadingWhenSwanctlIsNotInstalled(@TempDir Path dir) {
        SwanctlLoader loader = new SwanctlLoader(new SwanctlSettings(dir, "", dir.resolve("swanctl").toString(),
                StartAction.TRAP));

        SwanctlLoader.Outcome outcome = loader.load();

        assertEquals(SwanctlLoader.Status.SKIPPED, outcome.status());
        assertEquals("swanctl is not installed at " + dir.resolve("swanctl"), outcome.output());
    }

    @Test
    void runsLoadAllWithTheUriAndTheDirectoryAndReportsTheExitCode(@TempDir Path dir) throws Exception {
        Path program = script(dir.resolve("swanctl"), "echo \"$@ in $SWANCTL_DIR\"; exit 0");
        Path failing = script(dir.resolve("failing"), "echo 'connecting to vici failed'; exit 1");
        Path conf = dir.resolve("conf");
        String uri = "unix://" + Files.createFile(dir.resolve("n1.vici"));

        SwanctlLoader.Outcome loaded = new SwanctlLoader(new SwanctlSettings(conf, uri,
                program.toString(), StartAction.TRAP)).load();
        SwanctlLoader.Outcome failed = new SwanctlLoader(new SwanctlSettings(conf, "tcp://127.0.0.1:4502",
                failing.toString(), StartAction.TRAP)).load();

        assertEquals(new SwanctlLoader.Outcome(SwanctlLoader.Status.LOADED,
                "--load-all --uri " + uri + " in " + conf.toAbsolutePath()), loaded);
        assertEquals(new SwanctlLoader.Outcome(SwanctlLoader.Status.FAILED, "connecting to vici failed"), failed);
    }

    @Test
    void skipsLoadingWhenCharonIsNotListening(@TempDir Path dir) throws Exception {
        Path program = script(dir.resolve("swanctl"), "exit 0");
        String uri = "unix://" + dir.resolve("absent.vici");

        SwanctlLoader.Outcome outcome = new SwanctlLoader(new SwanctlSettings(dir, uri, program.toString(),
                StartAction.TRAP)).load();

        assertEquals(new SwanctlLoader.Outcome(SwanctlLoader.Status.SKIPPED,
                "charon is not running (no vici socket at " + dir.resolve("absent.vici") + ")"), outcome);
    }

    private static Path script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
