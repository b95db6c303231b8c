package dev.confab.shared.ipsec;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The IPsec options both agents' commands take (a picocli mixin). */
public final class IpsecOptions {

    @Option(names = "--swanctl-dir",
            description = "Where the IPsec configuration (swanctl.conf and credentials) is written"
                    + " (default: DATA/ipsec/swanctl; /etc/swanctl on an appliance).")
    Path swanctlDir;

    @Option(names = "--swanctl-uri", defaultValue = "",
            description = "vici socket of the charon to load it into, e.g. unix:///var/run/charon.vici"
                    + " (default: swanctl's own).")
    String swanctlUri;

    @Option(names = "--ipsec-start-action", defaultValue = "TRAP",
            description = "When tunnels come up: TRAP (on demand, kernel ESP) or START (at once; for strongSwan's"
                    + " userspace ESP, kernel-libipsec). Default: ${DEFAULT-VALUE}.")
    StartAction startAction = StartAction.TRAP;

    /** The settings these options give for an agent whose data directory is {@code dataDir}. */
    public SwanctlSettings settings(Path dataDir) {
        Path directory = swanctlDir == null ? SwanctlSettings.under(dataDir).directory() : swanctlDir;
        return new SwanctlSettings(directory, swanctlUri, "", startAction);
    }
}
