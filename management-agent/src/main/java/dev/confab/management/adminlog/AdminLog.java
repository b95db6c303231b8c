package dev.confab.management.adminlog;

import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.AdminLogEntry;
import dev.confab.management.store.Times;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The one way a line is written to the administrator log: what happened and when, by whom, about
 * which object, with what details, and the configuration revision it made if any. A line is
 * appended in the caller's transaction, so it commits with what it records, or not at all.
 *
 * <pre>{@code
 * AdminLog.of(AdminLog.Action.ENROLLED, now).by(Actor.node(fqdn, from))
 *         .about(ResourceNames.WORKER_VM, nodeId, nodeName)
 *         .details("certificate " + serial + " issued")
 *         .appendTo(transaction.dao(AdminLogDao.class));
 * }</pre>
 */
public final class AdminLog {

    /** What a line records; its value is the {@code action} the history API shows. */
    public enum Action {
        CREATED, UPDATED, DELETED,
        LOGIN_FAILED,
        CONFIGURATION_FILE, ENROLLED, ENROL_REFUSED, CERTIFICATE_REVOKED,
        CONFIG_APPLIED, DISCONNECTED,
        /** An overflow node's EC2 instance was asked to start or stop. */
        STARTED, STOPPED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private AdminLog() {
    }

    /** Starts a line saying that {@code action} happened at {@code time}. */
    public static Line of(Action action, Instant time) {
        return new Line(action, time);
    }

    /** A line being built; {@link #by} and {@link #about} are required. Not thread-safe. */
    public static final class Line {
        private final Action action;
        private final Instant time;
        private Actor actor;
        private String resource;
        private Long objectId;
        private String objectName;
        private String details = "";
        private Long revision;

        private Line(Action action, Instant time) {
            this.action = action;
            this.time = time;
        }

        public Line by(Actor who) {
            this.actor = who;
            return this;
        }

        /** The object the line is about: its resource, id (null when it has none) and name. */
        public Line about(String resourceName, Long id, String name) {
            this.resource = resourceName;
            this.objectId = id;
            this.objectName = name;
            return this;
        }

        public Line details(String text) {
            this.details = text;
            return this;
        }

        /** The configuration revision the logged change made. */
        public Line revision(long made) {
            this.revision = made;
            return this;
        }

        /** Appends the line through {@code log}, in the transaction it is attached to. */
        public void appendTo(AdminLogDao log) {
            log.append(entry());
        }

        /** The line as the store keeps it, for a writer that appends it later (a summary of a minute). */
        public AdminLogEntry entry() {
            Objects.requireNonNull(actor, "who did it");
            Objects.requireNonNull(resource, "what it is about");
            return new AdminLogEntry(Times.format(time), actor.user(), actor.address(), action.value(), resource,
                    objectId, objectName, details, revision);
        }
    }
}
