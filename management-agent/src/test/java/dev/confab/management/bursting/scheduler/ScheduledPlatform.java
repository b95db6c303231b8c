package dev.confab.management.bursting.scheduler;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.calls.CallFlow;
import dev.confab.management.health.NodeReport;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.Store;
import dev.confab.management.testing.SettableClock;
import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.wire.Heartbeat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A platform on a real store for the scheduler's tests: London (one always-on node of 17 HD calls,
 * 10.0.0.1) overflowing first to Overflow, which holds overflow-a (i-a, 10.0.1.1) and overflow-b
 * (i-b, 10.0.1.2), stopped c5.2xlarge instances; bursting on, threshold 5. Reports are set by hand
 * and time by a {@link SettableClock}.
 */
final class ScheduledPlatform implements AutoCloseable {

    static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    static final int HD_TOKENS = CallType.TOKENS_PER_HD;
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final Store store;
    final ConfigurationService configuration;
    final InProcessInstances cloud = new InProcessInstances(clock);
    final Map<Long, NodeReport> reports = new ConcurrentHashMap<>();
    /** The HD calls each signalling node admitted and ended lately, as the call ledger would count them. */
    final Map<Long, CallFlow.Counts> flow = new ConcurrentHashMap<>();
    final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    final long london;
    final long overflow;
    final long londonNode;
    final long overflowA;
    final long overflowB;

    ScheduledPlatform(Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        configuration = new ConfigurationService(store, new Catalog(clock), SecretBox.openOrCreate(
                dir.resolve("secret.key")), clock);
        overflow = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "Overflow"));
        london = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "London", "overflow_location1",
                "/api/admin/configuration/v1/system_location/" + overflow + "/"));
        londonNode = node("london-1", "10.0.0.1", london);
        overflowA = node("overflow-a", "10.0.1.1", overflow);
        overflowB = node("overflow-b", "10.0.1.2", overflow);
        cloud.add("i-a", "10.0.1.1");
        cloud.add("i-b", "10.0.1.2");
        patchGlobal(Map.of("bursting_enabled", true, "aws_access_key", "AKIAEXAMPLE", "aws_secret_key", "secret"));
    }

    BurstingScheduler scheduler(BurstingConfig config) {
        return new BurstingScheduler(configuration, cloud, id -> Optional.ofNullable(reports.get(id)),
                window -> Map.copyOf(flow), clock, STALE_AFTER, config, thread);
    }

    void patchGlobal(Map<String, Object> input) {
        configuration.update(configuration.catalog().configuration(ResourceNames.GLOBAL), 1, input, true, OPERATOR);
    }

    /** Node {@code id} reports now: {@code hdCallsInUse} HD calls, in {@code conferences} conferences. */
    void report(long id, int hdCallsInUse, int conferences) {
        Heartbeat.Load load = new Heartbeat.Load(hdCallsInUse * HD_TOKENS, 0, Map.of(),
                java.util.stream.IntStream.range(0, conferences).mapToObj(n -> "vmr-" + n).toList());
        Heartbeat heartbeat = new Heartbeat("test", "2026-03-01T08:00:00Z", 0, Capacity.of("c5.2xlarge", 8), load,
                false, 8, 16384);
        reports.put(id, new NodeReport(id, heartbeat, clock.instant(), clock.instant(), 0, true));
    }

    List<Map<String, Object>> rows(String sql) {
        return store.read(handle -> handle.createQuery(sql).mapToMap().list());
    }

    private long node(String name, String address, long location) {
        return create(ResourceNames.WORKER_VM, Map.of("name", name, "hostname", name, "domain", "example.com",
                "address", address, "netmask", "255.255.0.0", "gateway", address.replaceAll("\\.\\d+$", ".254"),
                "system_location", "/api/admin/configuration/v1/system_location/" + location + "/", "node_type",
                "CONFERENCING", "deployment_type", "MANUAL-PROVISION-ONLY"));
    }

    long create(String resource, Map<String, Object> input) {
        return ((Number) configuration.create(configuration.catalog().configuration(resource), input, OPERATOR)
                .get("id")).longValue();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        store.close();
    }
}
