package dev.confab.installer.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.installer.testing.Responders;
import dev.confab.installer.testing.TmuxSession;
import dev.confab.installer.testing.WizardProcess;
import dev.confab.shared.crypto.PasswordHash;
import dev.confab.shared.crypto.ShaCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The admin's SSH login to a new Management Node, typed into a real terminal. */
@Timeout(90)
class WizardTerminalIT {

    static final String SSH_PASSWORD = "Ssh-Admin-Pa55";
    static Responders servers;

    @TempDir
    Path dir;
    Path data;
    Path root;
    Path restarted;

    @BeforeAll
    static void startServers() throws Exception {
        assumeTrue(TmuxSession.available(), "tmux is not installed (.ci/run installs it)");
        servers = new Responders();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void currentSystem() throws Exception {
        data = dir.resolve("data");
        root = dir.resolve("root");
        restarted = dir.resolve("restarted");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "ip-10-0-0-5\n");
        Files.writeString(root.resolve("etc/resolv.conf"), "search example.org\nnameserver 127.0.0.1\n");
    }

    private void adminPasswordAlreadySet() throws Exception {
        Files.createDirectories(root.resolve("etc/confab"));
        Files.writeString(root.resolve("etc/confab/admin-password"), ShaCrypt.hash(SSH_PASSWORD.toCharArray()));
    }

    @Test
    void firstLoginSetsTheAdminPasswordThenEndsTheSession() throws Exception {
        try (TmuxSession terminal = WizardProcess.start(data, root, restarted, servers)) {
            terminal.expect("You are required to change your password immediately.");
            terminal.expect("New password: ");
            terminal.line("short");
            terminal.expect("too short");
            terminal.expect("New password: ");
            terminal.line("alllowercaseletters1");
            terminal.expect("Retype new password: ");
            terminal.line("alllowercaseletters2");
            terminal.expect("do not match");
            terminal.expect("New password: ");
            terminal.line(SSH_PASSWORD);
            terminal.expect("Retype new password: ");
            terminal.line(SSH_PASSWORD);
            terminal.expect("Password changed. Log in again to run the installation wizard.");

            assertEquals(0, terminal.exitStatus());
            assertFalse(terminal.screen().contains(SSH_PASSWORD), "passwords are not echoed");
        }
        assertTrue(ShaCrypt.verify(SSH_PASSWORD.toCharArray(),
                Files.readString(root.resolve("etc/confab/admin-password")).strip()));
        assertFalse(Files.exists(data), "nothing is installed by the first login");
    }

    @Test
    void secondLoginRunsTheWizardAskingAgainAfterEveryWrongAnswer() throws Exception {
        adminPasswordAlreadySet();
        try (TmuxSession terminal = WizardProcess.start(data, root, restarted, servers)) {
            terminal.expect("[sudo] password for admin: ");
            terminal.line("not-the-password");
            terminal.expect("Sorry, try again.");
            terminal.expect("[sudo] password for admin: ");
            terminal.line(SSH_PASSWORD);

            answer(terminal, "IP address", "10.0.0.300", "not an IPv4 address", "10.0.0.10");
            answer(terminal, "Network mask", "255.0.255.0", "not a network mask", "255.255.255.0");
            answer(terminal, "Gateway", "10.0.1.1", "not inside the subnet", "10.0.0.1");
            answer(terminal, "Hostname [ip-10-0-0-5]", "-mgmt", "not a valid host name", "mgmt");
            answer(terminal, "Domain suffix [example.org]", "example..com", "not a valid domain", "example.com");
            answer(terminal, "DNS servers [127.0.0.1]", Responders.SILENT, "did not answer a query within 400 ms", "");
            answer(terminal, "NTP servers [169.254.169.123]", Responders.SILENT,
                    "The NTP server 127.0.0.2 did not answer an NTP query within 400 ms", "ntp.invalid");
            terminal.expect("cannot be resolved");
            terminal.expect("NTP servers");
            terminal.line("localhost, " + Responders.CLOSED);
            terminal.expect("The NTP server 127.0.0.3 refused the NTP query");
            terminal.expect("NTP servers");
            terminal.line("localhost");
            answer(terminal, "Web administration username [admin]", "web admin", "not a valid user name", "operator");
            terminal.expect("Web administration password: ");
            terminal.line("Weak");
            terminal.expect("too short");
            terminal.expect("Web administration password: ");
            terminal.line("Web-Admin-Pa55");
            terminal.expect("Retype web administration password: ");
            terminal.line("Web-Admin-Pa56");
            terminal.expect("do not match");
            terminal.expect("Web administration password: ");
            terminal.line("Web-Admin-Pa55");
            terminal.expect("Retype web administration password: ");
            terminal.line("Web-Admin-Pa55");
            answer(terminal, "Enable incident reporting (yes/no) [no]", "maybe", "Answer yes or no.", "yes");
            answer(terminal, "Contact email address", "nobody", "not an e-mail address", "ops@example.com");
            terminal.expect("Send deployment and usage statistics (yes/no) [no]: ");
            terminal.line("");
            String summary = terminal.expect("Write this configuration and restart the node (yes/no) [no]: ");
            assertFalse(Files.exists(data), "nothing is written before the confirmation");
            terminal.line("yes");
            terminal.expect("Configuration written.");

            assertEquals(0, terminal.exitStatus());
            assertTrue(summary.contains("NTP servers                            localhost"), summary);
        }
        JsonNode written = new ObjectMapper().readTree(data.resolve("management.json").toFile());
        assertEquals("mgmt", written.get("hostname").asText());
        assertEquals("example.com", written.get("domain").asText());
        assertEquals("10.0.0.1", written.get("gw").asText());
        assertEquals("[\"127.0.0.1\"]", written.get("dns").toString());
        assertEquals("operator", written.get("user").asText());
        assertTrue(PasswordHash.verify("Web-Admin-Pa55".toCharArray(), written.get("pass").asText()));
        assertTrue(ShaCrypt.verify(SSH_PASSWORD.toCharArray(), written.get("admin_password").asText()));
        assertTrue(written.get("error_reports").asBoolean());
        assertFalse(written.get("enable_analytics").asBoolean());
        assertTrue(Files.readString(root.resolve("etc/systemd/network/10-confab.network")).contains("Address=10.0.0.10/24"));
        assertTrue(Files.exists(restarted), "the restart command ran");

        try (TmuxSession again = WizardProcess.start(data, root, restarted, servers)) {
            again.expect("already installed");
            assertEquals(1, again.exitStatus());
        }
    }

    @Test
    void threeWrongPasswordsEndTheSession() throws Exception {
        adminPasswordAlreadySet();
        try (TmuxSession terminal = WizardProcess.start(data, root, restarted, servers)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                terminal.expect("[sudo] password for admin: ");
                terminal.line("wrong-" + attempt);
            }
            terminal.expect("sudo: 3 incorrect password attempts");
            assertEquals(1, terminal.exitStatus());
        }
        assertFalse(Files.exists(data));
    }

    @Test
    void ctrlCBeforeTheConfirmationLeavesNothingBehind() throws Exception {
        adminPasswordAlreadySet();
        List<Path> before = files(dir);
        try (TmuxSession terminal = WizardProcess.start(data, root, restarted, servers)) {
            terminal.expect("[sudo] password for admin: ");
            terminal.line(SSH_PASSWORD);
            for (String[] step : new String[][] {{"IP address", "10.0.0.10"}, {"Network mask", "255.255.255.0"},
                    {"Gateway", "10.0.0.1"}, {"Hostname", ""}, {"Domain suffix", ""}, {"DNS servers", ""},
                    {"NTP servers", "localhost"}, {"Web administration username", ""},
                    {"Web administration password: ", "Web-Admin-Pa55"}, {"Retype web", "Web-Admin-Pa55"},
                    {"Enable incident reporting", ""}, {"Send deployment", ""}}) {
                terminal.expect(step[0]);
                terminal.line(step[1]);
            }
            terminal.expect("Write this configuration and restart the node");
            terminal.ctrlC();
            terminal.expect("Installation cancelled; nothing was changed.");
            assertEquals(130, terminal.exitStatus());
        }
        assertEquals(before, files(dir));
    }

    private static void answer(TmuxSession terminal, String question, String wrong, String complaint, String right)
            throws Exception {
        terminal.expect(question);
        terminal.line(wrong);
        terminal.expect(complaint);
        terminal.expect(question);
        terminal.line(right);
    }

    private static List<Path> files(Path top) throws Exception {
        try (Stream<Path> walk = Files.walk(top)) {
            return walk.sorted().toList();
        }
    }
}
