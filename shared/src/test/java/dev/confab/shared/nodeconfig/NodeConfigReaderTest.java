package dev.confab.shared.nodeconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class NodeConfigReaderTest {

    static final Clock BEFORE_EXPIRY = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final NodeConfigReader reader = new NodeConfigReader(BEFORE_EXPIRY);

    static byte[] fixture(String name) {
        try (InputStream in = NodeConfigReaderTest.class.getResourceAsStream("/nodeconfig/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture nodeconfig/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEverySettingOfAValidFile() {
        NodeConfig config = reader.read(fixture("valid.xml"));

        assertEquals("pexip-lon-cn1.vc.example.com.xml", config.fileName());
        assertEquals("10.0.0.11", config.node().ipv4Address());
        assertEquals("2001:db8::1", config.node().ipv6Gateway());
        assertEquals("", config.node().staticNatAddress());
        assertEquals(16, config.node().staticRoutes().get(0).prefix());
        assertEquals(java.util.List.of("10.0.0.2", "1.1.1.1"), config.location().dnsServers());
        assertEquals(1460, config.location().mtu());
        assertEquals(9443, config.managementNode().nodePort());
        assertTrue(config.adminPasswordHash().startsWith("$6$"));
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), config.enrolment().expires());
    }

    @Test
    void writesWhatItReads() {
        NodeConfig config = reader.read(fixture("valid.xml"));

        NodeConfig again = reader.read(NodeConfigWriter.write(config));

        assertEquals(config, again);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "external-entity.xml        | document type declaration",
        "billion-laughs.xml         | document type declaration",
        "not-xml.png                | not UTF-8",
        "other-schema-version.xml   | schema version 2",
        "truncated.xml              | truncated",
        "latin1.xml                 | not UTF-8",
        "gateway-outside-subnet.xml | not inside the subnet",
        "bad-address.xml            | does not match the node configuration schema",
    })
    void refusesAHostileOrDamagedFileWithAClearMessage(String fixture, String expected) {
        NodeConfigException refused = assertThrows(NodeConfigException.class, () -> reader.read(fixture(fixture)));

        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    @Test
    void refusesAFileOverOneMebibyteBeforeParsingIt() {
        byte[] padded = Arrays.copyOf(fixture("valid.xml"), 5 * 1024 * 1024);
        Arrays.fill(padded, fixture("valid.xml").length, padded.length, (byte) ' ');

        NodeConfigException refused = assertThrows(NodeConfigException.class, () -> reader.read(padded));

        assertTrue(refused.getMessage().contains("larger than 1 MiB"), refused.getMessage());
    }

    @Test
    void refusesAnExpiredFile() {
        NodeConfigReader later = new NodeConfigReader(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

        NodeConfigException refused = assertThrows(NodeConfigException.class, () -> later.read(fixture("valid.xml")));

        assertTrue(refused.getMessage().contains("expired at 2026-03-02T10:00:00Z"), refused.getMessage());
    }

    @Test
    void refusesTextThatIsNotXml() {
        byte[] text = "hostname=lon-cn1\n".getBytes(StandardCharsets.UTF_8);

        NodeConfigException refused = assertThrows(NodeConfigException.class, () -> reader.read(text));

        assertTrue(refused.getMessage().contains("not an XML document"), refused.getMessage());
    }

    @Test
    void theParserItselfRefusesDoctypesEvenWithoutThePreCheck() {
        String laughs = new String(fixture("billion-laughs.xml"), StandardCharsets.UTF_8);

        assertThrows(SAXException.class,
                () -> SecureXml.documentBuilder().parse(new InputSource(new StringReader(laughs))));
    }
}
