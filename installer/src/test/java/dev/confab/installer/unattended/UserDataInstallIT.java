package dev.confab.installer.unattended;

import dev.confab.installer.testing.AnswersFixture;
import dev.confab.installer.testing.InstallerRun;
import dev.confab.installer.testing.MetadataService;
import dev.confab.installer.testing.Responders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First boot: {@code confab installer --user-data} reads {@code management_node_config} through IMDSv2. */
class UserDataInstallIT {

    static Responders servers;
    static MetadataService metadata;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        servers = new Responders();
        metadata = new MetadataService();
    }

    @AfterAll
    static void stop() {
        servers.close();
        metadata.close();
    }

    private InstallerRun firstBoot() {
        return firstBoot(metadata.url());
    }

    private InstallerRun firstBoot(String metadataUrl) {
        List<String> args = new ArrayList<>(List.of("--user-data", "--metadata-url", metadataUrl,
                "--data", dir.resolve("data").toString(), "--system-root", dir.resolve("root").toString(),
                "--restart-command", "true"));
        args.addAll(List.of(servers.probeOptions()));
        return InstallerRun.of(args.toArray(String[]::new));
    }

    @Test
    void installsFromTheUserDataWithASessionToken() {
        metadata.userData(AnswersFixture.userData(AnswersFixture.valid()));

        InstallerRun run = firstBoot();

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Installed mgmt.example.com (10.0.0.10)"), run.out());
        assertTrue(Files.exists(dir.resolve("data/management.json")));
        assertEquals(0, metadata.tokenlessRequests(), "IMDSv2: every read carries the session token");
    }

    @Test
    void leavesTheNodeToTheWizardWhenTheUserDataHasNoManagementConfig() {
        for (String userData : new String[] {null, "#!/bin/sh\necho hello\n"}) {
            metadata.userData(userData);

            InstallerRun run = firstBoot();

            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("installation wizard runs at the admin's SSH login"), run.out());
            assertFalse(Files.exists(dir.resolve("data")));
        }
    }

    @Test
    void leavesAHostWithoutAMetadataServiceToTheWizardWithoutFailingTheBoot() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        InstallerRun run = firstBoot("http://127.0.0.1:" + closed + "/");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("No instance metadata service answers at http://127.0.0.1:" + closed), run.out());
        assertTrue(run.out().contains("installation wizard runs at the admin's SSH login"), run.out());
        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void reportsInvalidUserDataAndWritesNothing() {
        metadata.userData(AnswersFixture.userData(AnswersFixture.valid().put("ntp", Responders.SILENT)));

        InstallerRun run = firstBoot();

        assertEquals(2, run.status());
        assertTrue(run.err().contains("ntp: The NTP server 127.0.0.2 did not answer"), run.err());
        assertFalse(Files.exists(dir.resolve("data")));
        assertFalse(Files.exists(dir.resolve("root")));
    }
}
