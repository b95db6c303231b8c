package dev.confab.management.resource.engine;

/** Who asks for a change and from where, as the administrator log records it. */
public record Actor(String user, String address) {

    /** Changes the platform makes by itself (bursting, enrolment, replication). */
    public static Actor system(String component) {
        return new Actor("system:" + component, "-");
    }
}
