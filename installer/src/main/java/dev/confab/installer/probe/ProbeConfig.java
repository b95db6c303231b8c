package dev.confab.installer.probe;

import java.time.Duration;

/**
 * How DNS and NTP servers are checked.
 *
 * @param dnsPort UDP port DNS servers are asked on (53)
 * @param ntpPort UDP port NTP servers are asked on (123)
 * @param timeout how long one server has to answer
 */
public record ProbeConfig(int dnsPort, int ntpPort, Duration timeout) {

    public static ProbeConfig defaults() {
        return new ProbeConfig(53, 123, Duration.ofSeconds(3));
    }
}
