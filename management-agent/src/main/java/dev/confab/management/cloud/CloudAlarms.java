package dev.confab.management.cloud;

import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.AlarmRecord;
import dev.confab.management.store.NodeStatusDao;
import dev.confab.management.store.PlatformAlarmDao;
import dev.confab.management.store.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * The alarm "Cloud bursting not permitted by AWS", one per IAM permission EC2 refused (its
 * {@code instance} is the permission, such as {@code ec2:StartInstances}): raised when EC2 refuses the
 * credentials or the permission of a call, with what to do; cleared when a call that needs that
 * permission succeeds. Thread-safe.
 */
final class CloudAlarms {

    /** The alarm's number and name. */
    static final int NOT_PERMITTED = 10;
    static final String NOT_PERMITTED_NAME = "Cloud bursting not permitted by AWS";

    private static final Logger LOG = LoggerFactory.getLogger(CloudAlarms.class);

    private final ConfigurationService configuration;
    private final Clock clock;
    // the permissions whose alarm is active, as in the store: a success writes only to clear one
    private final Set<String> raised;

    CloudAlarms(ConfigurationService configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.raised = new HashSet<>(configuration.read(transaction -> transaction.dao(PlatformAlarmDao.class)
                .activeInstances(NOT_PERMITTED)));
    }

    /** Raises the alarm of the failure's permission, unless it is raised already. */
    synchronized void refused(CloudFailure failure) {
        String permission = failure.action().permission();
        if (raised.contains(permission)) {
            return;
        }
        configuration.write(transaction -> transaction.dao(NodeStatusDao.class).raise(new AlarmRecord(NOT_PERMITTED,
                NOT_PERMITTED_NAME, "error", failure.message(), permission, "", null, Times.format(clock.instant()))));
        raised.add(permission);
        LOG.error("{}: {}", NOT_PERMITTED_NAME, failure.message());
    }

    /** Clears the alarm of the permission {@code action} needs, if it is raised. */
    synchronized void permitted(Ec2Action action) {
        String permission = action.permission();
        if (!raised.contains(permission)) {
            return;
        }
        configuration.write(transaction -> transaction.dao(PlatformAlarmDao.class)
                .clear(NOT_PERMITTED, permission, Times.format(clock.instant())));
        raised.remove(permission);
        LOG.info("{}: EC2 now permits {}", NOT_PERMITTED_NAME, permission);
    }
}
