package dev.confab.conferencing;

/** An upload to a node that is already configured (HTTP 409). */
public final class AlreadyConfiguredException extends ConferencingException {

    public AlreadyConfiguredException(String fqdn) {
        super("This Conferencing Node is already configured (as " + fqdn + ") and takes no configuration file."
                + " To provision it again, redeploy it from a fresh image.");
    }
}
