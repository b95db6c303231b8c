package dev.confab.conferencing;

import dev.confab.shared.ipsec.SwanctlSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Settings of a Conferencing Node agent process.
 *
 * @param dataDir          node key, certificate, CA certificate and the applied configuration file (mode 0700)
 * @param systemRoot       where the OS configuration is rendered ({@code /} on an appliance)
 * @param bindAddress      the address the node's listeners bind to; also counts as one of this host's addresses
 * @param provisioningPort port of the upload page (8443; 0 = any, for tests)
 * @param imdsBaseUrl      EC2 instance metadata service: user data at first boot, the instance type that
 *                         sizes the node's capacity; empty = none
 * @param restartCommand   command that restarts the node once configured ({@code systemctl reboot} on an
 *                         appliance); empty = exit with {@link ConferencingAgent#RESTART_EXIT_CODE} so the
 *                         supervisor ({@code ./confab}, systemd) starts the agent again
 * @param clock            time source, injected so tests control expiry
 * @param ipsec            where the IPsec configuration is rendered once enrolled, and how it is loaded
 */
public record ConferencingConfig(Path dataDir, Path systemRoot, String bindAddress, int provisioningPort,
                                 String imdsBaseUrl, List<String> restartCommand, Clock clock,
                                 SwanctlSettings ipsec) {

    public ConferencingConfig {
        restartCommand = List.copyOf(restartCommand);
    }

    public static ConferencingConfig defaults(Path dataDir, Path systemRoot, String bindAddress) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, 8443, "", List.of(), Clock.systemUTC(),
                SwanctlSettings.under(dataDir));
    }

    public ConferencingConfig withProvisioningPort(int port) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, port, imdsBaseUrl, restartCommand, clock,
                ipsec);
    }

    public ConferencingConfig withImds(String baseUrl) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, baseUrl, restartCommand,
                clock, ipsec);
    }

    public ConferencingConfig withRestartCommand(List<String> command) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, command, clock,
                ipsec);
    }

    public ConferencingConfig withClock(Clock value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                value, ipsec);
    }

    public ConferencingConfig withIpsec(SwanctlSettings value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                clock, value);
    }
}
