package dev.confab.management.adminlog;

/** Who does something and from where, as the administrator log records it. */
public record Actor(String user, String address) {

    /** Changes the platform makes by itself (bursting, enrolment, replication). */
    public static Actor system(String component) {
        return new Actor("system:" + component, "-");
    }

    /** A Conferencing Node, by its name or FQDN, calling from {@code address}. */
    public static Actor node(String name, String address) {
        return new Actor("node:" + name, address);
    }

    /** A caller that has not said who it is. */
    public static Actor unknown(String address) {
        return new Actor("-", address);
    }
}
