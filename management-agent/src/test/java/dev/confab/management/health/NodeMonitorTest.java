package dev.confab.management.health;

import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.AlarmRecord;
import dev.confab.management.store.NodeStatusDao;
import dev.confab.management.store.Store;
import dev.confab.management.testing.SettableClock;
import dev.confab.shared.crypto.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Heartbeats to status rows, alarms and their history, in a real store with the real migrations. */
class NodeMonitorTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private Store store;
    private ConfigurationService configuration;
    private NodeMonitor monitor;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        store.write(handle -> {
            handle.execute("INSERT INTO system_location (id, name) VALUES (1, 'London')");
            handle.execute("""
                    INSERT INTO worker_vm (id, name, hostname, domain, address, netmask, gateway, node_type,
                                           system_location, deployment_type)
                    VALUES (7, 'lon-cn1', 'lon-cn1', 'example.com', '10.0.0.7', '255.255.255.0', '10.0.0.1',
                            'CONFERENCING', 1, 'MANUAL-PROVISION-ONLY')""");
            return null;
        });
        configuration = new ConfigurationService(store, new Catalog(clock),
                SecretBox.openOrCreate(dir.resolve("secret.key")), clock);
        monitor = NodeMonitor.start(configuration, clock, INTERVAL, Duration.ofHours(1), () -> 0L);
    }

    @AfterEach
    void close() {
        monitor.close();
        store.close();
    }

    private Map<String, Object> status() {
        return store.read(handle -> handle.createQuery("SELECT * FROM worker_vm_status WHERE id = 7").mapToMap().one());
    }

    private List<AlarmRecord> alarms(String table) {
        return store.read(handle -> handle.createQuery("SELECT * FROM " + table)
                .map((rs, ctx) -> new AlarmRecord(rs.getInt("identifier"), rs.getString("name"), rs.getString("level"),
                        rs.getString("details"), rs.getString("instance"), rs.getString("node"), rs.getLong("node_id"),
                        rs.getString("time_raised"))).list());
    }

    @Test
    void aNodeReadsNeverAndUnreachableUntilItReports() {
        monitor.flush();
        assertNull(status().get("last_attempted_contact"));
        assertEquals("UNREACHABLE", status().get("sync_status"));
    }

    @Test
    void aHeartbeatFillsTheStatusAndTheLocationsCapacity() {
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.flush();
        assertEquals("2026-11-25T10:00:00.000000", status().get("last_attempted_contact"));
        assertEquals("SYNCED", status().get("sync_status"));
        assertEquals(17, ((Number) status().get("max_hd_calls")).intValue());
        int locationHd = store.read(handle -> handle.createQuery(
                "SELECT max_hd_calls FROM system_location_status WHERE id = 1").mapTo(Integer.class).one());
        assertEquals(17, locationHd);
    }

    @Test
    void aSilentNodeRaisesTheAlarmWhichItsReturnClearsKeepingTheHistory() {
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.flush();
        clock.advance(INTERVAL.multipliedBy(3));
        monitor.flush();
        List<AlarmRecord> raised = alarms("alarm");
        assertEquals(1, raised.size());
        assertEquals("Connectivity lost between nodes", raised.get(0).name());
        assertEquals("lon-cn1", raised.get(0).node());
        assertEquals("UNREACHABLE", status().get("sync_status"));

        clock.advance(Duration.ofSeconds(30));
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.flush();
        assertEquals(0, alarms("alarm").size());
        assertNotNull(store.read(handle -> handle.createQuery("SELECT time_cleared FROM alarm_history")
                .mapTo(String.class).one()));
    }

    @Test
    void theAdministratorLogRecordsEachRevisionANodeApplied() {
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.applied(7, 3);
        monitor.flush();
        assertEquals(List.of("updated to configuration revision 3"), store.read(handle -> handle.createQuery(
                "SELECT details FROM admin_log WHERE action = 'config_applied'").mapTo(String.class).list()));
    }

    @Test
    void aRevisionANodeAppliedReachesTheStatusWithoutWaitingForTheFlushPeriod() throws InterruptedException {
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.flush();
        store.write(handle -> handle.execute("UPDATE config_revision SET value = 3"));
        assertEquals("SYNCING", status().get("sync_status"));

        // the flush period is an hour: only the write an applied revision asks for shows it
        monitor.applied(7, 3);
        for (int wait = 0; wait < 200 && !"SYNCED".equals(status().get("sync_status")); wait++) {
            Thread.sleep(50);
        }

        assertEquals("SYNCED", status().get("sync_status"));
        assertEquals(3L, ((Number) status().get("applied_revision")).longValue());
    }

    @Test
    void anAlarmRaisedBeforeARestartIsClearedWhenTheNodeReturns() {
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        clock.advance(INTERVAL.multipliedBy(3));
        monitor.flush();
        monitor.close();
        monitor = NodeMonitor.start(configuration, clock, INTERVAL, Duration.ofHours(1), () -> 0L);
        clock.advance(INTERVAL.multipliedBy(10));
        monitor.flush();
        assertEquals(1, alarms("alarm").size(), "not raised twice");
        monitor.heartbeat(7, HeartbeatRegistryTest.heartbeat(0));
        monitor.flush();
        assertEquals(0, store.read(handle -> handle.attach(NodeStatusDao.class).nodesWithAlarm(1)).size());
    }
}
