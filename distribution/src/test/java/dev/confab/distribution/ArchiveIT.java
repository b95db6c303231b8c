package dev.confab.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.testing.Await;
import dev.confab.distribution.testing.InstalledTree;
import dev.confab.shared.testing.UploadPage;
import dev.confab.installer.testing.Responders;
import dev.confab.installer.testing.TmuxSession;
import dev.confab.shared.crypto.ShaCrypt;
import dev.confab.shared.pki.Pem;
import dev.confab.shared.pki.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The distribution archive, unpacked into a temporary root: its files, its units, and a node installed from it. */
@Timeout(120)
class ArchiveIT {

    static final List<String> UNITS =
            List.of("confab-management.service", "confab-conferencing.service", "confab-firstboot.service",
                    "confab-admin-password.service", "confab-admin-password.path");
    static final String SSH_PASSWORD = "Ssh-Admin-Pa55";
    static final String WEB_PASSWORD = "Web-Admin-Pa55";

    @TempDir
    Path dir;

    /** The tree the checks below run on: here the archive's; {@link DebianPackageIT} gives the package's. */
    InstalledTree unpack() throws Exception {
        Path archive = Path.of(System.getProperty("confab.archive"));
        assertTrue(Files.isRegularFile(archive), "mvn package builds " + archive);
        return InstalledTree.unpack(archive, dir.resolve("root"));
    }

    @Test
    void holdsTheLauncherJarsUnitsAndLoginHook() throws Exception {
        InstalledTree tree = unpack();

        for (String program : List.of("confab", "confab-login", "confab-setup", "confab-admin-password")) {
            assertTrue(Files.isExecutable(tree.root().resolve("opt/confab/bin").resolve(program)), program);
        }
        assertTrue(Files.isRegularFile(tree.root().resolve("opt/confab/confab.jar")));
        try (var jars = Files.list(tree.root().resolve("opt/confab/lib"))) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().startsWith("installer-")));
        }
        for (String unit : UNITS) {
            assertTrue(Files.isRegularFile(tree.unit(unit)), unit);
        }
        // charon gives its vici socket to the group the Management Node's agent runs in
        String strongswan = Files.readString(tree.root().resolve("etc/strongswan.d/confab.conf"));
        assertTrue(strongswan.contains("charon {\n    group = confab\n}"), strongswan);
        assertTrue(strongswan.contains("charon-systemd {\n    group = confab\n}"), strongswan);
        assertTrue(Files.readString(tree.unit("confab-management.service")).contains("Group=confab"));
        assertTrue(Files.readString(tree.root().resolve("etc/ssh/sshd_config.d/confab-admin.conf"))
                .contains("ForceCommand /opt/confab/bin/confab-login"));
        assertEquals("r--r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tree.root().resolve("etc/sudoers.d/confab-admin"))));
    }

    @Test
    void shipsTheLauncherWithTheAgentsAndTheInstallerButNotLocalCloud() throws Exception {
        InstalledTree tree = unpack();

        try (var jars = Files.list(tree.root().resolve("opt/confab/lib"))) {
            List<String> names = jars.map(jar -> jar.getFileName().toString()).toList();
            for (String module : List.of("shared-", "management-agent-", "conferencing-agent-", "installer-")) {
                assertTrue(names.stream().anyMatch(name -> name.startsWith(module)), module + " in " + names);
            }
            assertTrue(names.stream().noneMatch(name -> name.startsWith("local-cloud-")), names.toString());
        }
        try (JarFile jar = new JarFile(tree.root().resolve("opt/confab/confab.jar").toFile())) {
            assertEquals("dev.confab.launcher.ConfabMain", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(jar.stream().noneMatch(entry -> entry.getName().startsWith("dev/confab/localcloud/")));
        }
        Process help = new ProcessBuilder(tree.launcher().toString(), "--help").redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor(), output);
        for (String command : List.of("management-agent", "conferencing-agent", "installer")) {
            assertTrue(output.contains("\n  " + command + " "), output);
        }
        assertFalse(output.contains("demo"), "the appliance has no demo:\n" + output);
    }

    @Test
    void aCollectorInConfabJavaOptsReplacesTheOneInJvmOptions() throws Exception {
        InstalledTree tree = unpack();

        // the JVM refuses two collectors: the operator's takes the place of jvm.options' parallel one
        ProcessBuilder builder = new ProcessBuilder(tree.launcher().toString(), "management-agent", "--help")
                .redirectErrorStream(true);
        builder.environment().put("CONFAB_JAVA_OPTS", "-XX:+UseG1GC -Xlog:gc:stdout");
        Process help = builder.start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor(), output);
        assertTrue(output.contains("Using G1"), output);

        builder.environment().put("CONFAB_JAVA_OPTS", "-Xlog:gc:stdout");
        help = builder.start();
        output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.waitFor(), output);
        assertTrue(output.contains("Using Parallel"), "jvm.options' collector otherwise:\n" + output);
    }

    @Test
    void unitsPassSystemdAnalyzeVerify() throws Exception {
        boolean available = new ProcessBuilder("sh", "-c", "command -v systemd-analyze").start().waitFor() == 0;
        if (!available) {
            System.out.println("ArchiveIT: systemd-analyze is not installed; unit verification skipped.");
        }
        assumeTrue(available, "systemd-analyze is not installed");
        InstalledTree tree = unpack();
        // the units name targets (network-online, multi-user) that the host's systemd ships
        Path systemUnits = Files.createDirectories(tree.root().resolve("usr/lib/systemd/system"));
        try (var targets = Files.newDirectoryStream(Path.of("/usr/lib/systemd/system"), "*.target")) {
            for (Path target : targets) {
                Files.copy(target, systemUnits.resolve(target.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + tree.root()));
        UNITS.forEach(unit -> command.add(tree.unit(unit).toString()));

        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, verify.waitFor(), output);
        assertEquals("", output.strip(), "no warnings");
    }

    @Test
    void theInstalledManagementNodeStartsFromWhatTheWizardWrote() throws Exception {
        assumeTrue(TmuxSession.available(), "tmux is not installed (.ci/run installs it)");
        InstalledTree tree = unpack();
        Files.createDirectories(tree.root().resolve("etc/confab"));
        Files.writeString(tree.root().resolve("etc/confab/admin-password"), ShaCrypt.hash(SSH_PASSWORD.toCharArray()));
        try (Responders servers = new Responders()) {
            List<String> command = new ArrayList<>(List.of(tree.launcher().toString(), "installer",
                    "--data", tree.data().toString(), "--system-root", tree.root().toString(), "--restart-command", "true"));
            command.addAll(List.of(servers.probeOptions()));
            try (TmuxSession terminal = TmuxSession.start(command)) {
                terminal.expect("[sudo] password for admin: ");
                terminal.line(SSH_PASSWORD);
                for (String[] step : new String[][] {{"IP address", "10.0.0.10"}, {"Network mask", "255.255.255.0"},
                        {"Gateway", "10.0.0.1"}, {"Hostname", "mgmt"}, {"Domain suffix", "example.com"},
                        {"DNS servers", Responders.GOOD}, {"NTP servers", "localhost"},
                        {"Web administration username", "operator"}, {"Web administration password: ", WEB_PASSWORD},
                        {"Retype web", WEB_PASSWORD}, {"Enable incident reporting", "no"},
                        {"Send deployment", "no"}, {"Write this configuration", "yes"}}) {
                    terminal.expect(step[0]);
                    terminal.line(step[1]);
                }
                assertEquals(0, terminal.exitStatus(), terminal.screen());
            }
        }
        int port = freePort();
        Path log = dir.resolve("management.log");
        Process agent = new ProcessBuilder(tree.launcher().toString(), "management-agent", "--data", tree.data().toString(),
                "--bind", "127.0.0.1", "--https-port", String.valueOf(port), "--node-port", String.valueOf(freePort()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonNode node = awaitApi(port, "/api/admin/configuration/v1/management_vm/1/", agent, log);
            assertEquals("mgmt", node.get("hostname").asText());
            assertEquals("example.com", node.get("domain").asText());
            assertEquals("10.0.0.10", node.get("address").asText());
            assertEquals(1, node.get("ntp_servers").size());
            // the launcher ran the agent with its options from the installed jvm.options
            List<String> arguments = List.of(agent.info().arguments().orElse(new String[0]));
            assertTrue(arguments.containsAll(List.of("-XX:+UseParallelGC", "-Xmx192m")), arguments.toString());
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void theLauncherKeepsTheConferencingAgentsClassArchiveInTheUnitsCacheDirectory() throws Exception {
        InstalledTree tree = unpack();
        Path cache = tree.root().resolve("var/cache/confab");
        Path archive = cache.resolve("conferencing-agent.jsa");
        String address = "127.0.1.94";
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            port = socket.getLocalPort();
        }
        Path data = tree.root().resolve("var/lib/confab-node");
        ProcessBuilder agent = new ProcessBuilder(tree.launcher().toString(), "conferencing-agent", "--data",
                data.toString(), "--system-root", tree.root().toString(), "--bind", address,
                "--provisioning-port", String.valueOf(port)).redirectErrorStream(true);
        agent.environment().remove("CONFAB_CDS_DIR");
        agent.environment().put("CACHE_DIRECTORY", cache.toString());

        // without an archive the launcher waits for the JVM, passes SIGTERM on and puts the archive in place
        Process first = agent.redirectOutput(dir.resolve("first.log").toFile()).start();
        UploadPage.await(address, port, data, first, Duration.ofSeconds(60));
        first.destroy();
        assertEquals(143, first.waitFor(), Files.readString(dir.resolve("first.log")));
        assertTrue(Files.size(archive) > 0, "the first run wrote " + archive);
        try (var files = Files.list(cache)) {
            assertEquals(List.of(archive), files.toList(), "no temporary file left");
        }

        // with it the launcher becomes the JVM, which maps the archive
        Process second = agent.redirectOutput(dir.resolve("second.log").toFile()).start();
        try {
            UploadPage.await(address, port, data, second, Duration.ofSeconds(60));
            try (var maps = Files.lines(Path.of("/proc", String.valueOf(second.pid()), "maps"))) {
                String mapped = archive.toRealPath().toString();
                assertTrue(maps.anyMatch(line -> line.endsWith(" " + mapped)), "the agent maps " + mapped);
            }
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    @Test
    void theLauncherKeepsTheSimulatorsClassArchiveFromARunThatReplayed() throws Exception {
        InstalledTree tree = unpack();
        Path cache = tree.root().resolve("var/cache/confab");
        Path archive = cache.resolve("simulate.jsa");

        // its help alone writes no archive
        assertEquals(0, simulate(tree, cache, null, "--help"), Files.readString(dir.resolve("simulate.log")));
        assertFalse(Files.exists(archive), "no archive from --help");

        // a replay writes it as the JVM exits, and the launcher puts it in place
        assertEquals(0, simulate(tree, cache, null, "--days", "1", "--format", "json"),
                Files.readString(dir.resolve("simulate.log")));
        assertTrue(Files.size(archive) > 0, "the first replay wrote " + archive);
        try (var files = Files.list(cache)) {
            assertEquals(List.of(archive), files.toList(), "no temporary file left");
        }

        // the next replay loads the policy's classes from it
        Path classes = dir.resolve("classes.log");
        assertEquals(0, simulate(tree, cache, "-Xlog:class+load=info:file=" + classes, "--days", "1", "--format",
                "json"), Files.readString(dir.resolve("simulate.log")));
        try (var lines = Files.lines(classes)) {
            assertTrue(lines.anyMatch(line -> line.contains("dev.confab.management.bursting.BurstingPolicy source:"
                    + " shared objects file (top)")), "the policy's class came from " + archive);
        }
    }

    private int simulate(InstalledTree tree, Path cache, String javaOptions, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(tree.launcher().toString(), "simulate"));
        command.addAll(List.of(arguments));
        ProcessBuilder simulate = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("simulate.log").toFile());
        simulate.environment().remove("CONFAB_CDS_DIR");
        simulate.environment().remove("CONFAB_JAVA_OPTS");
        simulate.environment().put("CACHE_DIRECTORY", cache.toString());
        if (javaOptions != null) {
            simulate.environment().put("CONFAB_JAVA_OPTS", javaOptions);
        }
        return simulate.start().waitFor();
    }

    /** GETs {@code path} as the installed web administrator, trusting only the certificate the installer made. */
    private JsonNode awaitApi(int port, String path, Process agent, Path log) throws Exception {
        String certificate = Files.readString(dir.resolve("root/var/lib/confab/pki/https-selfsigned.crt"));
        HttpClient http = HttpClient.newBuilder()
                .sslContext(TlsMaterial.clientContext(Pem.readCertificates(certificate).get(0), null)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + WEB_PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        return Await.atMost(Duration.ofSeconds(60)).every(Duration.ofMillis(200)).whileAlive(agent)
                .showing(() -> Files.readString(log)).until("the Management Node's API", () -> {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    return new ObjectMapper().readTree(response.body());
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
