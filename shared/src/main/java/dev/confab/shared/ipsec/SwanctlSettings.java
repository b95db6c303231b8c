package dev.confab.shared.ipsec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node's strongSwan configuration goes and how it is loaded.
 *
 * @param directory   the swanctl directory ({@code swanctl.conf}, {@code x509/}, {@code x509ca/},
 *                    {@code private/}); {@code /etc/swanctl} on an appliance, {@code <data>/ipsec/swanctl} by default
 * @param uri         vici socket of the charon to load into ({@code --uri}); empty = swanctl's default
 * @param binary      the swanctl program; empty = look for {@code swanctl} on the PATH and in /usr/sbin
 * @param startAction when tunnels come up: on demand (kernel ESP) or at once (strongSwan's userspace ESP)
 */
public record SwanctlSettings(Path directory, String uri, String binary, StartAction startAction) {

    public SwanctlSettings {
        Objects.requireNonNull(directory, "directory");
        uri = uri == null ? "" : uri;
        binary = binary == null ? "" : binary;
        Objects.requireNonNull(startAction, "startAction");
    }

    /** {@code <dataDir>/ipsec/swanctl}, swanctl's default socket, found on the PATH, tunnels on demand. */
    public static SwanctlSettings under(Path dataDir) {
        return new SwanctlSettings(dataDir.resolve("ipsec").resolve("swanctl"), "", "", StartAction.TRAP);
    }
}
