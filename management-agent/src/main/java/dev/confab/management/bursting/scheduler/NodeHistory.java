package dev.confab.management.bursting.scheduler;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.BurstingDao;
import dev.confab.management.store.Times;
import dev.confab.management.store.WorkerVmEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Conferencing Node history of overflow nodes ({@code history/workervm_status_event}), with an
 * administrator-log line for each start and stop asked for, each committed before the scheduler
 * goes on. Thread-safe (each append is one transaction).
 */
final class NodeHistory {

    /** Who caused an event: bursting itself, or an administrator. */
    record Cause(Actor actor, String context) {

        static final Cause BURSTING = new Cause(Actor.system("cloud bursting"), "bursting");

        static Cause administrator(Actor actor) {
            return new Cause(actor, "administrator " + actor.user());
        }
    }

    private final ConfigurationService configuration;

    NodeHistory(ConfigurationService configuration) {
        this.configuration = configuration;
    }

    /**
     * Appends an event of {@code node}'s instance; a {@code start} or {@code stop} also writes an
     * administrator-log line.
     */
    void append(Instant at, String eventType, String state, Cause cause, String details, WorkerVm node,
                String instanceId, String errorCode) {
        configuration.write(transaction -> {
            String location = transaction.reads().systemLocation(node.systemLocation()).map(SystemLocation::name)
                    .orElse("");
            transaction.dao(BurstingDao.class).appendEvent(new WorkerVmEvent(Times.format(at), eventType, state,
                    cause.context(), details, node.address(), node.id(), node.name(), location, instanceId, errorCode));
            Optional<AdminLog.Action> action = switch (eventType) {
                case Ec2Memory.START -> Optional.of(AdminLog.Action.STARTED);
                case Ec2Memory.STOP -> Optional.of(AdminLog.Action.STOPPED);
                default -> Optional.empty();
            };
            action.ifPresent(logged -> AdminLog.of(logged, at).by(cause.actor())
                    .about(ResourceNames.WORKER_VM, node.id(), node.name())
                    .details("EC2 instance " + instanceId + " " + (logged == AdminLog.Action.STARTED ? "start"
                            : "stop") + " requested: " + details)
                    .appendTo(transaction.dao(AdminLogDao.class)));
            return null;
        });
    }

    /** Fills {@code memory} from the history, keeping the failures of the last {@code keep}. */
    void seed(Ec2Memory memory, Instant now, Duration keep) {
        configuration.read(transaction -> {
            BurstingDao dao = transaction.dao(BurstingDao.class);
            memory.seed(dao.newestOfEachInstance(List.of(Ec2Memory.START)),
                    dao.newestOfEachInstance(List.of(Ec2Memory.STOP)),
                    dao.newestOfEachInstance(List.of(Ec2Memory.START, Ec2Memory.START_FAILED, Ec2Memory.RUNNING,
                            Ec2Memory.STOP, Ec2Memory.STOP_FAILED, Ec2Memory.STOPPED)),
                    dao.failuresSince(Times.format(now.minus(keep))));
            return null;
        });
    }
}
