package dev.confab.installer.unattended;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.installer.testing.AnswersFixture;
import dev.confab.installer.testing.InstallerRun;
import dev.confab.installer.testing.Responders;
import dev.confab.shared.crypto.PasswordHash;
import dev.confab.shared.crypto.ShaCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code confab installer --answers FILE}: the same checks as the wizard, and nothing written unless all pass. */
class UnattendedInstallIT {

    static Responders servers;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        servers = new Responders();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    private InstallerRun install(ObjectNode answers, String... extra) throws Exception {
        Path file = dir.resolve("answers.json");
        Files.writeString(file, answers.toString());
        List<String> args = new ArrayList<>(List.of("--answers", file.toString(), "--data", dir.resolve("data").toString(),
                "--system-root", dir.resolve("root").toString(), "--restart-command", "touch " + dir.resolve("restarted")));
        args.addAll(List.of(servers.probeOptions()));
        args.addAll(List.of(extra));
        return InstallerRun.of(args.toArray(String[]::new));
    }

    @Test
    void installsFromAnAnswersFileAndRestarts() throws Exception {
        InstallerRun run = install(AnswersFixture.valid());

        assertEquals(0, run.status(), run.err());
        Path data = dir.resolve("data");
        Path configuration = data.resolve("management.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configuration)));
        JsonNode written = new ObjectMapper().readTree(configuration.toFile());
        assertEquals("mgmt", written.get("hostname").asText());
        assertEquals(Responders.GOOD, written.get("dns").get(0).asText());
        assertTrue(PasswordHash.verify(AnswersFixture.WEB_PASSWORD.toCharArray(), written.get("pass").asText()));
        assertTrue(Files.exists(data.resolve("secret.key")));
        assertTrue(Files.exists(data.resolve("pki/ca/ca.crt")));
        assertTrue(Files.readString(data.resolve("pki/https-selfsigned.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
        Path root = dir.resolve("root");
        assertEquals("mgmt\n", Files.readString(root.resolve("etc/hostname")));
        assertTrue(Files.readString(root.resolve("etc/resolv.conf")).contains("nameserver 127.0.0.1"));
        assertTrue(ShaCrypt.verify(AnswersFixture.SSH_PASSWORD.toCharArray(),
                Files.readString(root.resolve("etc/confab/admin-password")).strip()));
        assertTrue(Files.exists(dir.resolve("restarted")), "the restart command ran");
    }

    @Test
    void refusesASecondInstallationUnlessReset() throws Exception {
        assertEquals(0, install(AnswersFixture.valid()).status());
        Files.delete(dir.resolve("restarted"));

        InstallerRun again = install(AnswersFixture.valid().put("hostname", "other"));
        assertEquals(2, again.status());
        assertTrue(again.err().contains("already installed"), again.err());
        assertFalse(Files.exists(dir.resolve("restarted")));

        InstallerRun reset = install(AnswersFixture.valid().put("hostname", "other"), "--reset");
        assertEquals(0, reset.status(), reset.err());
        assertEquals("other\n", Files.readString(dir.resolve("root/etc/hostname")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "ip             | 10.0.0.256       | not an IPv4 address",
            "mask           | 255.0.255.0      | not a network mask",
            "gw             | 10.0.1.1         | not inside the subnet",
            "hostname       | -mgmt            | not a valid host name",
            "domain         | example..com     | not a valid domain",
            "dns            | dns.example.com  | DNS server \"dns.example.com\" is not an IPv4 address",
            "dns            | 127.0.0.2        | did not answer a query within 400 ms",
            "dns            | 127.0.0.3        | refused the query",
            "ntp            | 127.0.0.2        | did not answer an NTP query within 400 ms",
            "ntp            | 127.0.0.3        | refused the NTP query",
            "ntp            | ntp.invalid      | cannot be resolved",
            "user           | web admin        | not a valid user name",
            "pass           | Web-Admin-Pa55   | must be given as a PBKDF2 hash",
            "admin_password | Ssh-Admin-Pa55   | must be given as a SHA-512 crypt hash",
            "contact_email_address | nobody    | not an e-mail address",
            "colour         | blue             | Unknown key"})
    void rejectsEachInvalidAnswerWithItsKeyAndWritesNothing(String key, String value, String message) throws Exception {
        InstallerRun run = install(AnswersFixture.valid().put(key, value));

        assertEquals(2, run.status());
        assertTrue(run.err().contains(key + ": ") && run.err().contains(message), run.err());
        assertTrue(run.err().contains("nothing was changed"), run.err());
        assertNothingWritten();
    }

    @Test
    void rejectsAMissingKeyAndAFlagThatIsNotABoolean() throws Exception {
        ObjectNode answers = AnswersFixture.valid().put("enable_analytics", "yes");
        answers.remove("ntp");

        InstallerRun run = install(answers);

        assertEquals(2, run.status());
        assertTrue(run.err().contains("ntp: Missing"), run.err());
        assertTrue(run.err().contains("enable_analytics: Expected true or false"), run.err());
        assertNothingWritten();
    }

    private void assertNothingWritten() throws Exception {
        assertFalse(Files.exists(dir.resolve("data")), "no data directory");
        assertFalse(Files.exists(dir.resolve("root")), "no system files");
        assertFalse(Files.exists(dir.resolve("restarted")), "no restart");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("answers.json")), files.toList());
        }
    }
}
