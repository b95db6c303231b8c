package dev.confab.management.health;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.AdminLogEntry;
import dev.confab.management.store.AlarmRecord;
import dev.confab.management.store.InList;
import dev.confab.management.store.NodeStatusDao;
import dev.confab.management.store.NodeStatusRow;
import dev.confab.management.store.Times;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what the heartbeat registry drained in one transaction: the changed {@code node_status}
 * rows, the alarm "Connectivity lost between nodes" raised or cleared (with its history), and an
 * administrator-log line for each revision a node applied. Thread-safe (one writer at a time).
 */
final class HealthRecorder {

    /** The alarm's number and name. */
    static final int CONNECTIVITY_LOST = 1;
    static final String CONNECTIVITY_LOST_NAME = "Connectivity lost between nodes";

    private static final Logger LOG = LoggerFactory.getLogger(HealthRecorder.class);

    private final ConfigurationService configuration;
    private final Duration silence;

    /** {@code silence} is how long a node was silent when it is reported lost (for the alarm's details). */
    HealthRecorder(ConfigurationService configuration, Duration silence) {
        this.configuration = configuration;
        this.silence = silence;
    }

    synchronized void write(HeartbeatRegistry.Drained drained) {
        if (drained.isEmpty()) {
            return;
        }
        configuration.write(transaction -> {
            NodeStatusDao dao = transaction.dao(NodeStatusDao.class);
            dao.upsert(drained.rows().stream().map(HealthRecorder::row).toList());
            if (!drained.events().isEmpty()) {
                // the names of the nodes the events are about, not every node: a fleet syncing writes often
                Map<Long, NodeStatusDao.NodeName> nodes = new HashMap<>();
                InList.parts(drained.events().stream().map(HealthEvent::nodeId).toList())
                        .forEach(part -> dao.namesAmong(part).forEach(node -> nodes.put(node.id(), node)));
                List<AdminLogEntry> applied = new ArrayList<>();
                for (HealthEvent event : drained.events()) {
                    record(dao, event, nodes.get(event.nodeId()), applied);
                }
                // a whole fleet takes each revision: one prepared statement for all its lines
                transaction.dao(AdminLogDao.class).appendAll(applied);
            }
            return null;
        });
    }

    private void record(NodeStatusDao dao, HealthEvent event, NodeStatusDao.NodeName node,
                        List<AdminLogEntry> applied) {
        if (node == null) {
            return;
        }
        String name = node.name();
        String address = node.address();
        String time = Times.format(event.time());
        switch (event.kind()) {
            case CONTACT_LOST -> {
                dao.raise(new AlarmRecord(CONNECTIVITY_LOST, CONNECTIVITY_LOST_NAME, "error", "No heartbeat from "
                        + name + " (" + address + ") for " + silence.toMillis() / 1000.0 + " s: check that the node"
                        + " runs and that the node channel port is reachable from it.", name + " (" + address + ")",
                        name, event.nodeId(), time));
                LOG.warn("Connectivity lost with {} ({}): no heartbeat for {}", name, address, silence);
            }
            case CONTACT_RESTORED -> {
                dao.clear(event.nodeId(), CONNECTIVITY_LOST, time);
                LOG.info("Connectivity with {} ({}) restored", name, address);
            }
            case REVISION_APPLIED -> applied.add(AdminLog.of(AdminLog.Action.CONFIG_APPLIED, event.time())
                    .by(Actor.node(name, address)).about(ResourceNames.WORKER_VM, event.nodeId(), name)
                    .details("updated to configuration revision " + event.revision()).entry());
        }
    }

    private static NodeStatusRow row(NodeReport report) {
        Heartbeat heartbeat = report.heartbeat();
        Capacity capacity = report.capacity();
        Heartbeat.Load load = report.load();
        return new NodeStatusRow(report.nodeId(), heartbeat == null || heartbeat.version() == null ? ""
                : heartbeat.version(), heartbeat == null ? null : Times.reformat(heartbeat.bootTime()), format(report.lastContact()),
                format(report.lastUpdated()), report.appliedRevision(), report.reachable(),
                heartbeat != null && heartbeat.maintenanceMode(), load.mediaLoad(), capacity.maxFullHdCalls(),
                capacity.maxHdCalls(), capacity.maxSdCalls(), capacity.maxAudioCalls(), load.mediaTokensUsed(),
                capacity.maxMediaTokens(), heartbeat == null ? 0 : heartbeat.cpuCount(),
                heartbeat == null ? 0 : heartbeat.memoryMb());
    }

    /** The report a row stands for, to pick up tracking after a restart. */
    static NodeReport report(NodeStatusRow row, boolean alarmed) {
        Heartbeat heartbeat = new Heartbeat(row.version(), row.bootTime(), row.appliedRevision(),
                new Capacity(row.maxFullHdCalls(), row.maxHdCalls(), row.maxSdCalls(), row.maxAudioCalls(),
                        row.maxMediaTokens()), new Heartbeat.Load(row.mediaTokensUsed(), row.mediaLoad(), Map.of()),
                row.reportedMaintenance(), row.cpuCount(), row.totalRam());
        return new NodeReport(row.nodeId(), heartbeat, parse(row.lastAttemptedContact()), parse(row.lastUpdated()),
                row.appliedRevision(), !alarmed && row.reachable());
    }

    /** The rows and alarmed nodes in the store. */
    List<NodeReport> stored() {
        return configuration.read(transaction -> {
            NodeStatusDao dao = transaction.dao(NodeStatusDao.class);
            List<Long> alarmed = dao.nodesWithAlarm(CONNECTIVITY_LOST);
            return dao.all().stream().map(row -> report(row, alarmed.contains(row.nodeId()))).toList();
        });
    }

    /** Removes a deleted node's status and clears its alarms. */
    void forget(long nodeId, Instant now) {
        configuration.write(transaction -> {
            NodeStatusDao dao = transaction.dao(NodeStatusDao.class);
            dao.deleteStatus(nodeId);
            dao.clear(nodeId, CONNECTIVITY_LOST, Times.format(now));
            return null;
        });
    }

    private static String format(Instant instant) {
        return instant == null ? null : Times.format(instant);
    }

    private static Instant parse(String text) {
        return text == null ? null : Times.parse(text);
    }
}
