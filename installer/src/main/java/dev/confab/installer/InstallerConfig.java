package dev.confab.installer;

import dev.confab.installer.probe.ProbeConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Settings of one installer run.
 *
 * @param dataDir        the Management Node's data directory ({@code /var/lib/confab} on an appliance)
 * @param systemRoot     where network, time and account files are rendered ({@code /} on an appliance)
 * @param restartCommand run after a successful installation to put the node into service
 * @param probes         how DNS and NTP servers are checked
 * @param reset          whether an installed node may be installed again
 * @param clock          time source for certificates
 */
public record InstallerConfig(Path dataDir, Path systemRoot, List<String> restartCommand, ProbeConfig probes,
                              boolean reset, Clock clock) {

    /** The configuration file the Management Node reads; its presence means "installed". */
    public Path configurationFile() {
        return dataDir.resolve("management.json");
    }

    /** Refuses an installed node unless a reset was asked for. */
    public void requireInstallable() {
        if (!reset && java.nio.file.Files.exists(configurationFile())) {
            throw new AlreadyInstalledException(configurationFile());
        }
    }
}
