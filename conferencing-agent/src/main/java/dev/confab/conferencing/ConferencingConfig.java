package dev.confab.conferencing;

import dev.confab.conferencing.admission.AdmissionConfig;
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
 * @param admission        the client API's and the node-to-node listener's ports, the tokens' lifetime
 * @param instanceType     the EC2 instance type to size the node's capacity as when no instance metadata
 *                         service is configured; empty = by the CPU count
 */
public record ConferencingConfig(Path dataDir, Path systemRoot, String bindAddress, int provisioningPort,
                                 String imdsBaseUrl, List<String> restartCommand, Clock clock,
                                 SwanctlSettings ipsec, AdmissionConfig admission, String instanceType) {

    public ConferencingConfig {
        restartCommand = List.copyOf(restartCommand);
    }

    public static ConferencingConfig defaults(Path dataDir, Path systemRoot, String bindAddress) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, 8443, "", List.of(), Clock.systemUTC(),
                SwanctlSettings.under(dataDir), AdmissionConfig.defaults(), "");
    }

    public ConferencingConfig withProvisioningPort(int port) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, port, imdsBaseUrl, restartCommand, clock,
                ipsec, admission, instanceType);
    }

    public ConferencingConfig withImds(String baseUrl) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, baseUrl, restartCommand,
                clock, ipsec, admission, instanceType);
    }

    public ConferencingConfig withRestartCommand(List<String> command) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, command, clock,
                ipsec, admission, instanceType);
    }

    public ConferencingConfig withClock(Clock value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                value, ipsec, admission, instanceType);
    }

    public ConferencingConfig withIpsec(SwanctlSettings value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                clock, value, admission, instanceType);
    }

    public ConferencingConfig withAdmission(AdmissionConfig value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                clock, ipsec, value, instanceType);
    }

    public ConferencingConfig withInstanceType(String value) {
        return new ConferencingConfig(dataDir, systemRoot, bindAddress, provisioningPort, imdsBaseUrl, restartCommand,
                clock, ipsec, admission, value == null ? "" : value.strip());
    }
}
