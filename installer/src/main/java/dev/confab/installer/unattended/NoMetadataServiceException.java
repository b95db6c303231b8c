package dev.confab.installer.unattended;

import dev.confab.installer.InstallerException;

/** Nothing answers at the instance metadata service's address: not an EC2 instance, or its service is off. */
public final class NoMetadataServiceException extends InstallerException {

    public NoMetadataServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
