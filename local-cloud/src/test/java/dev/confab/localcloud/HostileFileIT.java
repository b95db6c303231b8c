package dev.confab.localcloud;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.conferencing.channel.EnrolmentClient;
import dev.confab.localcloud.testing.InProcessPlatform;
import dev.confab.localcloud.testing.SystemRootSnapshot;
import dev.confab.shared.crypto.Tokens;
import dev.confab.shared.pki.CertificateInfo;
import dev.confab.shared.pki.CertificateRequest;
import dev.confab.shared.pki.KeyPairs;
import dev.confab.shared.pki.SelfSigned;
import dev.confab.shared.wire.EnrolRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and damaged configuration files uploaded to an unconfigured node's port 8443: each is
 * refused with a message that says why, the node stays unconfigured, and its system root is
 * byte-for-byte what it was.
 */
@Timeout(60)
class HostileFileIT {

    static final String ADDRESS = "127.0.1.60";

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();
    static final AtomicInteger restarts = new AtomicInteger();
    static ConferencingAgent agent;
    static NodeUploadClient upload;
    static Path systemRoot;
    static Map<String, String> placeholders;

    @BeforeAll
    static void startUnconfiguredNode() throws Exception {
        Path dir = platform.directory();
        systemRoot = SystemRootSnapshot.populate(dir.resolve("root"));
        agent = ConferencingAgent.create(ConferencingConfig.defaults(dir.resolve("node"), systemRoot, ADDRESS)
                .withProvisioningPort(0), restarts::incrementAndGet).start();
        upload = new NodeUploadClient(ADDRESS, agent.provisioningPort(), agent.data().provisioningCertificate());
        Instant now = Instant.now();
        placeholders = Map.of("@ADDRESS@", ADDRESS, "@GATEWAY@", "127.0.1.254", "@MGMT_ADDRESS@", "127.0.0.1",
                "@MGMT_PORT@", Integer.toString(platform.management().nodePort()),
                "@FINGERPRINT@", platform.management().nodes().authority().fingerprintSha256(),
                "@CREATED@", now.toString(), "@EXPIRES@", now.plus(Duration.ofHours(1)).toString(),
                "@TOKEN@", Tokens.random(32));
    }

    @AfterAll
    static void stopNode() {
        agent.stop();
    }

    static String fixture(String name, Map<String, String> values) throws IOException {
        try (InputStream in = HostileFileIT.class.getResourceAsStream("/hostile/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text;
        }
    }

    static Map<String, String> with(String placeholder, String value) {
        Map<String, String> values = new java.util.HashMap<>(placeholders);
        values.put(placeholder, value);
        return values;
    }

    /** Uploads {@code file} and checks the refusal, the node's state and the system root. */
    static void assertRefused(String fileName, byte[] file, String... expected) throws Exception {
        Map<String, String> before = SystemRootSnapshot.of(systemRoot);

        NodeUploadClient.Answer answer = upload.upload(fileName, file);

        assertEquals(400, answer.status(), answer.body());
        for (String part : expected) {
            assertTrue(answer.body().contains(part), "expected '" + part + "' in " + answer.body());
        }
        assertFalse(agent.isConfigured(), "the node stays unconfigured");
        assertFalse(Files.exists(agent.data().key()), "no key pair is kept");
        assertEquals(before, SystemRootSnapshot.of(systemRoot), "the system root is unchanged");
        assertEquals(0, restarts.get(), "the node does not restart");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "external-entity.xml           | document type declaration",
        "billion-laughs.xml            | document type declaration",
        "not-xml.txt                   | not an XML document",
        "other-schema-version.xml      | schema version 2",
        "expired-token.xml             | expired at 2020-01-02T00:00:00Z",
        "truncated.xml                 | truncated",
    })
    void refusesAFileThatFailsBeforeEnrolment(String name, String expected) throws Exception {
        assertRefused(name, fixture(name, placeholders).getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void refusesAFileForAnotherAddressNamingOnlyTheFilesAddress() throws Exception {
        Set<String> hostAddresses = hostAddresses();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger conferencing = (Logger) LoggerFactory.getLogger("dev.confab.conferencing");
        log.start();
        conferencing.addAppender(log);
        try {
            assertRefused("valid-for-another-address.xml", fixture("valid-for-another-address.xml", placeholders)
                    .getBytes(StandardCharsets.UTF_8), "10.99.0.7, which is not an address of this host",
                    "Upload the file on the host that has the address 10.99.0.7, or correct the node's address on"
                            + " the Management Node");
        } finally {
            conferencing.detachAppender(log);
        }

        NodeUploadClient.Answer answer = upload.upload("valid-for-another-address.xml",
                fixture("valid-for-another-address.xml", placeholders).getBytes(StandardCharsets.UTF_8));
        for (String address : hostAddresses) {
            assertFalse(answer.body().contains(address), "the answer names this host's " + address + ": "
                    + answer.body());
        }
        List<String> logged = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertFalse(logged.isEmpty(), "the refusal is logged");
        for (String line : logged) {
            hostAddresses.forEach(address -> assertFalse(line.contains(address), "logged above debug: " + line));
        }
    }

    /** This host's IPv4 addresses, the node's bind address among them. */
    static Set<String> hostAddresses() throws Exception {
        Set<String> addresses = new TreeSet<>(Set.of(ADDRESS));
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address.getAddress().length == 4) {
                    addresses.add(address.getHostAddress());
                }
            }
        }
        return addresses;
    }

    @Test
    void refusesAFiveMebibyteFile() throws Exception {
        byte[] head = fixture("replayed-token.xml", placeholders).getBytes(StandardCharsets.UTF_8);
        byte[] large = Arrays.copyOf(head, 5 * 1024 * 1024);
        Arrays.fill(large, head.length, large.length, (byte) ' ');

        assertRefused("large.xml", large, "larger than 1 MiB");
    }

    @Test
    void refusesAReplayedToken() throws Exception {
        // on loopback: the test enrols it from this host
        InProcessPlatform.AddedNode node = platform.addNode("replayed-cn", "127.0.1.63");
        String csr = CertificateRequest.create(KeyPairs.ecP256(), "replayed-cn", List.of()).pem();
        new EnrolmentClient().enrol("127.0.0.1", platform.management().nodePort(),
                node.config().managementNode().caFingerprintSha256(), new EnrolRequest(node.config().enrolment().token(), csr));

        assertRefused("replayed-token.xml", fixture("replayed-token.xml", with("@TOKEN@",
                node.config().enrolment().token())).getBytes(StandardCharsets.UTF_8), "already used");
    }

    @Test
    void refusesTheTokenOfADeletedNode() throws Exception {
        InProcessPlatform.AddedNode node = platform.addNode("deleted-cn", "10.60.0.2");
        platform.deleteNode(node.id());

        assertRefused("deleted-node-token.xml", fixture("deleted-node-token.xml", with("@TOKEN@",
                node.config().enrolment().token())).getBytes(StandardCharsets.UTF_8), "has been deleted");
    }

    @Test
    void refusesAFileWhoseCaFingerprintWasTamperedWith() throws Exception {
        InProcessPlatform.AddedNode node = platform.addNode("tampered-cn", "10.60.0.3");
        String otherCa = CertificateInfo.of(SelfSigned.generate("other", List.of(), Duration.ofDays(1),
                Clock.systemUTC()).certificate()).fingerprintSha256();
        Map<String, String> values = with("@TOKEN@", node.config().enrolment().token());
        values.put("@FINGERPRINT@", otherCa);

        assertRefused("tampered-ca-fingerprint.xml", fixture("tampered-ca-fingerprint.xml", values)
                .getBytes(StandardCharsets.UTF_8), "did not prove it holds the certificate authority", otherCa);
        assertEquals("NOT_ENROLLED", platform.enrolmentStatus(node.id()));
    }
}
