package dev.confab.installer.packaging;

/**
 * Where the distribution archive puts Confab on an appliance; the systemd units, the login hook
 * and the installer's defaults all name these paths.
 */
public final class AppliancePaths {

    /** The programs: {@code bin/confab}, {@code confab.jar}, {@code lib/}. */
    public static final String PREFIX = "/opt/confab";
    /** The Management Node's data directory. */
    public static final String MANAGEMENT_DATA = "/var/lib/confab";
    /** The Conferencing Node's data directory. */
    public static final String CONFERENCING_DATA = "/var/lib/confab-node";
    /** The system root the agents and the installer render operating-system files into. */
    public static final String SYSTEM_ROOT = "/";
    /** What puts an installed node into service. */
    public static final String RESTART_COMMAND = "systemctl reboot";

    private AppliancePaths() {
    }
}
