package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.Daos;
import dev.confab.management.store.RevisionDao;
import dev.confab.management.store.Times;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one write transaction: however many objects it touches, they make one new
 * configuration revision (taken at the first change), and each gets its record of that revision and
 * its administrator-log line, in the transaction. Not thread-safe: bound to one transaction.
 */
final class ChangeSet {

    private final Handle handle;
    private final Instant time;
    private final Actor actor;
    private final List<ConfigurationChange> changes = new ArrayList<>();
    private long revision = -1;

    ChangeSet(Handle handle, Instant time, Actor actor) {
        this.handle = handle;
        this.time = time;
        this.actor = actor;
    }

    /** Records that {@code action} was done to object {@code objectId} (named {@code name}) of {@code spec}. */
    void record(ResourceSpec spec, long objectId, String name, AdminLog.Action action, String details) {
        RevisionDao revisions = Daos.on(handle, RevisionDao.class);
        if (revision < 0) {
            revision = revisions.advance();
        }
        revisions.recordChange(revision, Times.format(time), spec.name(), objectId, action.value());
        AdminLog.of(action, time).by(actor).about(spec.name(), objectId, name).details(details).revision(revision)
                .appendTo(Daos.on(handle, AdminLogDao.class));
        changes.add(new ConfigurationChange(revision, spec.name(), objectId, action.value()));
    }

    /** The changes recorded, in order; all of one revision. */
    List<ConfigurationChange> changes() {
        return List.copyOf(changes);
    }
}
