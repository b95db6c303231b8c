package dev.confab.installer.testing;

import java.io.IOException;

/**
 * The DNS and NTP servers an installation test needs, on loopback, one port for each protocol:
 * {@value #GOOD} answers, {@value #SILENT} receives and never answers, {@value #CLOSED} has
 * nothing listening (the kernel refuses).
 */
public final class Responders implements AutoCloseable {

    public static final String GOOD = "127.0.0.1";
    public static final String SILENT = "127.0.0.2";
    public static final String CLOSED = "127.0.0.3";

    private final UdpResponder dns;
    private final UdpResponder silentDns;
    private final UdpResponder ntp;
    private final UdpResponder silentNtp;

    public Responders() throws IOException {
        dns = UdpResponder.dns(GOOD, 0);
        silentDns = UdpResponder.silent(SILENT, dns.port());
        ntp = UdpResponder.ntp(GOOD, 0);
        silentNtp = UdpResponder.silent(SILENT, ntp.port());
    }

    public int dnsPort() {
        return dns.port();
    }

    public int ntpPort() {
        return ntp.port();
    }

    /** Installer options that point its checks at these servers, with a short timeout. */
    public String[] probeOptions() {
        return new String[] {"--dns-port", String.valueOf(dnsPort()), "--ntp-port", String.valueOf(ntpPort()),
                "--probe-timeout-ms", "400"};
    }

    @Override
    public void close() {
        dns.close();
        silentDns.close();
        ntp.close();
        silentNtp.close();
    }
}
