package dev.confab.installer.probe;

import dev.confab.installer.testing.Responders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.confab.installer.testing.Responders.CLOSED;
import static dev.confab.installer.testing.Responders.GOOD;
import static dev.confab.installer.testing.Responders.SILENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DNS and NTP checks against real UDP servers on loopback. */
class ProbesIT {

    static Responders servers;
    static ProbeConfig config;

    @BeforeAll
    static void startServers() throws Exception {
        servers = new Responders();
        config = new ProbeConfig(servers.dnsPort(), servers.ntpPort(), Duration.ofMillis(300));
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void acceptsAnNtpServerThatAnswersByAddressOrName() {
        NtpProbe probe = new NtpProbe(config);

        assertTrue(probe.check(GOOD).isEmpty());
        assertTrue(probe.check("localhost").isEmpty());
    }

    @Test
    void rejectsAnNtpServerThatNeverAnswersRefusesOrCannotBeResolved() {
        NtpProbe probe = new NtpProbe(config);

        assertTrue(probe.check(SILENT).orElseThrow().contains("did not answer an NTP query within 300 ms"));
        assertTrue(probe.check(CLOSED).orElseThrow().contains("refused"));
        assertTrue(probe.check("ntp.invalid").orElseThrow().contains("cannot be resolved"));
    }

    @Test
    void rejectsAnNtpServerThatIsReallyADnsServer() {
        NtpProbe probe = new NtpProbe(new ProbeConfig(servers.dnsPort(), servers.dnsPort(), Duration.ofMillis(300)));

        assertTrue(probe.check(GOOD).isPresent());
    }

    @Test
    void acceptsADnsServerThatAnswersAQuery() {
        assertEquals(java.util.Optional.empty(), new DnsProbe(config).check(GOOD));
    }

    @Test
    void rejectsADnsServerThatNeverAnswersOrRefuses() {
        DnsProbe probe = new DnsProbe(config);

        assertTrue(probe.check(SILENT).orElseThrow().contains("did not answer a query within 300 ms"));
        assertTrue(probe.check(CLOSED).orElseThrow().contains("refused"));
    }
}
