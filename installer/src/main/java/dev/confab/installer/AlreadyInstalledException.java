package dev.confab.installer;

import java.nio.file.Path;

/** The Management Node has been installed already and no reset was asked for. */
public final class AlreadyInstalledException extends InstallerException {

    public AlreadyInstalledException(Path configuration) {
        super("This Management Node is already installed (" + configuration + " exists). Run the installer with"
                + " --reset to install it again; the web administration account and network settings are replaced.");
    }
}
