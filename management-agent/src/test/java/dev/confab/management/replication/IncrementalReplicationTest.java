package dev.confab.management.replication;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.MeshDao;
import dev.confab.management.store.NodeCertificate;
import dev.confab.management.store.NodeProvisioningDao;
import dev.confab.management.store.RevisionDao;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.wire.ConfigUpdate;
import dev.confab.shared.wire.ReplicatedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replication hub reads only what each revision changed, yet its build is the configuration a
 * whole read gives: after random sequences of writes through the write pipeline (objects named by
 * a change, lists that name a deleted object or are written from their other side, aliases a
 * deleted conference takes with it, bulk writes, enrolments and revocations), with a rebuild after
 * one or several of them. Each sequence's seed is printed with a failure; rerun one with
 * {@code -Dconfab.replication.seed=SEED}.
 */
class IncrementalReplicationTest {

    private static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    private static final int SEQUENCES = 4;
    private static final int STEPS = 30;

    private Store store;
    private ConfigurationService service;
    private ReplicationHub hub;
    private Path directory;
    private final AtomicInteger serial = new AtomicInteger();

    @BeforeEach
    void open(@TempDir Path dir) {
        directory = dir;
        store = Store.open(dir.resolve("confab.db"));
        service = new ConfigurationService(store, new Catalog(Clock.systemUTC()),
                SecretBox.openOrCreate(dir.resolve("secret.key")), Clock.systemUTC());
        hub = ReplicationHub.start(service, SecretBox.openOrCreate(dir.resolve("secret.key")), Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        hub.close();
        store.close();
    }

    @Test
    void aliasesWrittenInlineWithTheirConferenceReachTheNodes() {
        hub.rebuildNow();
        long room = create(ResourceNames.CONFERENCE, Map.of("name", "Board",
                "aliases", List.of(Map.of("alias", "board@example.com"))));
        hub.rebuildNow();
        assertEquals(List.of("board@example.com"), aliases(hub.current()));
        assertEquals(wholeBuild().checksum(), hub.current().checksum());

        service.update(spec(ResourceNames.CONFERENCE), room, Map.of("aliases",
                List.of(Map.of("alias", "boardroom@example.com"))), true, OPERATOR);
        hub.rebuildNow();
        assertEquals(List.of("boardroom@example.com"), aliases(hub.current()));
        assertEquals(wholeBuild().checksum(), hub.current().checksum());
    }

    private static List<String> aliases(ReplicatedConfig config) {
        return config.resources().get(ResourceNames.CONFERENCE_ALIAS).values().stream()
                .map(alias -> alias.get("alias").toString()).sorted().toList();
    }

    @Test
    void aLoneChangeIsReadFromItsRevisionAndReachesAWaitingNode() throws Exception {
        long london = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "London"));
        hub.rebuildNow();
        ReplicatedConfig before = hub.current();
        var waiting = hub.poll(before.revision());

        service.update(spec(ResourceNames.SYSTEM_LOCATION), london, Map.of("description", "the office"), true, OPERATOR);
        hub.rebuildNow();

        ConfigUpdate answer = waiting.get();
        assertEquals(List.of(ResourceNames.SYSTEM_LOCATION), List.copyOf(answer.upserts().keySet()));
        assertEquals(1, answer.upserts().get(ResourceNames.SYSTEM_LOCATION).size(), "only the changed object");
        assertEquals(wholeBuild().checksum(), before.apply(answer).checksum());
    }

    @Test
    void afterABurstOfRevisionsTheNextRebuildWaitsASecondWhichTheWritesMeanwhileShare() throws Exception {
        try (ReplicationHub patient = ReplicationHub.start(service, SecretBox.openOrCreate(directory.resolve(
                "secret.key")), Duration.ofSeconds(60))) {
            long london = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "London"));
            for (int write = 0; write < ReplicationHub.BURST_REVISIONS; write++) {
                service.update(spec(ResourceNames.SYSTEM_LOCATION), london, Map.of("description", "burst " + write),
                        true, OPERATOR);
            }
            long burstRevision = store.read(handle -> handle.attach(RevisionDao.class).current());
            var first = patient.poll(patient.current().revision());
            patient.changed();
            assertEquals(burstRevision, first.get(30, java.util.concurrent.TimeUnit.SECONDS).revision());

            var next = patient.poll(burstRevision);
            long changed = System.nanoTime();
            service.update(spec(ResourceNames.SYSTEM_LOCATION), london, Map.of("description", "after the burst"), true,
                    OPERATOR);
            patient.changed();
            service.update(spec(ResourceNames.SYSTEM_LOCATION), london, Map.of("description", "and another"), true,
                    OPERATOR);
            patient.changed();
            ConfigUpdate answer = next.get(30, java.util.concurrent.TimeUnit.SECONDS);
            long waitedMillis = (System.nanoTime() - changed) / 1_000_000;

            assertTrue(waitedMillis >= 700, "rebuilt " + waitedMillis + " ms after the burst's rebuild");
            assertEquals(burstRevision + 2, answer.revision(), "both writes in the one rebuild");
        }
    }

    @Test
    void theIncrementalBuildEqualsAWholeReadAfterAnySequenceOfWrites() {
        String fixed = System.getProperty("confab.replication.seed");
        List<Long> seeds = new ArrayList<>();
        if (fixed != null) {
            seeds.add(Long.parseLong(fixed));
        } else {
            Random random = new Random();
            for (int i = 0; i < SEQUENCES; i++) {
                seeds.add(random.nextLong());
            }
        }
        for (long seed : seeds) {
            Random random = new Random(seed);
            ReplicatedConfig node = hub.current();
            for (int step = 0; step < STEPS; step++) {
                randomWrite(random);
                if (random.nextInt(3) > 0) {
                    hub.rebuildNow();
                    String where = "sequence seed " + seed + ", step " + step
                            + " (rerun with -Dconfab.replication.seed=" + seed + ")";
                    ReplicatedConfig whole = wholeBuild();
                    assertEquals(whole.revision(), hub.current().revision(), where);
                    assertEquals(whole.checksum(), hub.current().checksum(), where);
                    // a node that held an earlier build catches up with what the log answers it
                    node = node.apply(hub.since(node.revision(), node.checksum()));
                    assertEquals(whole.checksum(), node.checksum(), where + ": a node catching up");
                }
            }
        }
    }

    private void randomWrite(Random random) {
        try {
            switch (random.nextInt(13)) {
                case 0 -> create(ResourceNames.SYSTEM_LOCATION, withList(random, Map.of("name", "loc" + serial.incrementAndGet()),
                        "dns_servers", ResourceNames.DNS_SERVER));
                case 1 -> update(random, ResourceNames.SYSTEM_LOCATION,
                        withList(random, Map.of("description", "d" + random.nextInt(3)), "dns_servers", ResourceNames.DNS_SERVER));
                case 2 -> delete(random, ResourceNames.SYSTEM_LOCATION);
                case 3 -> create(ResourceNames.DNS_SERVER, Map.of("address", "192.0.2." + (1 + serial.incrementAndGet() % 250)));
                case 4 -> delete(random, ResourceNames.DNS_SERVER);
                case 5 -> createConferenceWithAlias();
                case 6 -> delete(random, ResourceNames.CONFERENCE);
                case 7 -> createNode(random);
                case 8 -> update(random, ResourceNames.WORKER_VM, Map.of("maintenance_mode", random.nextBoolean()));
                case 9 -> delete(random, ResourceNames.WORKER_VM);
                case 10 -> sshKey(random);
                case 11 -> enrolOrRevoke(random);
                default -> bulk(random);
            }
        } catch (RuntimeException refused) {
            // a write the rules refuse (a location still in use, a duplicate) changes nothing
        }
    }

    private Map<String, Object> withList(Random random, Map<String, Object> input, String field, String resource) {
        Map<String, Object> with = new HashMap<>(input);
        List<String> uris = new ArrayList<>();
        for (long id : ids(resource)) {
            if (random.nextBoolean()) {
                uris.add(spec(resource).uri(id));
            }
        }
        with.put(field, uris);
        return with;
    }

    private void createConferenceWithAlias() {
        int n = serial.incrementAndGet();
        long conference = create(ResourceNames.CONFERENCE, Map.of("name", "room" + n));
        create(ResourceNames.CONFERENCE_ALIAS, Map.of("alias", "room" + n + "@example.com",
                "conference", spec(ResourceNames.CONFERENCE).uri(conference)));
    }

    private void createNode(Random random) {
        List<Long> locations = ids(ResourceNames.SYSTEM_LOCATION);
        if (locations.isEmpty()) {
            return;
        }
        int n = serial.incrementAndGet() % 200 + 10;
        create(ResourceNames.WORKER_VM, Map.of("name", "cn" + n, "hostname", "cn" + n, "domain", "example.com",
                "address", "10.20.0." + n, "netmask", "255.255.255.0", "gateway", "10.20.0.1",
                "system_location", spec(ResourceNames.SYSTEM_LOCATION).uri(locations.get(random.nextInt(locations.size()))),
                "password", "ssh-Secret-1"));
    }

    /** A key written with its nodes: the nodes' own lists change from the other side. */
    private void sshKey(Random random) {
        List<Long> keys = ids(ResourceNames.SSH_AUTHORIZED_KEY);
        Map<String, Object> input = withList(random, Map.of("keytype", "ssh-ed25519", "key", "AAAA" + random.nextInt(9)),
                "nodes", ResourceNames.WORKER_VM);
        if (keys.isEmpty() || random.nextInt(3) == 0) {
            create(ResourceNames.SSH_AUTHORIZED_KEY, input);
        } else if (random.nextBoolean()) {
            service.update(spec(ResourceNames.SSH_AUTHORIZED_KEY), keys.get(random.nextInt(keys.size())), input, true,
                    OPERATOR);
        } else {
            delete(random, ResourceNames.SSH_AUTHORIZED_KEY);
        }
    }

    private void enrolOrRevoke(Random random) {
        List<Long> nodes = ids(ResourceNames.WORKER_VM);
        if (nodes.isEmpty()) {
            return;
        }
        long node = nodes.get(random.nextInt(nodes.size()));
        String number = Integer.toHexString(serial.incrementAndGet());
        boolean revoke = random.nextBoolean();
        store.write(handle -> {
            NodeProvisioningDao dao = handle.attach(NodeProvisioningDao.class);
            if (revoke) {
                dao.validCertificates(node).forEach(certificate -> dao.revokeCertificate(certificate.serial(), "2025-01-01T00:00:00"));
            } else {
                dao.insertCertificate(new NodeCertificate(0, node, 0, number, "cn.example.com", "PEM", "2025-01-01T00:00:00",
                        "10.20.0.1", null));
            }
            return null;
        });
        hub.enrolmentChanged(node);
    }

    private void bulk(Random random) {
        List<Long> locations = ids(ResourceNames.SYSTEM_LOCATION);
        List<ConfigurationService.BulkObject> objects = new ArrayList<>();
        for (long id : locations) {
            if (random.nextBoolean()) {
                objects.add(new ConfigurationService.BulkObject(id, Map.of("description", "bulk " + random.nextInt(3))));
            }
        }
        objects.add(new ConfigurationService.BulkObject(null, Map.of("name", "loc" + serial.incrementAndGet())));
        service.bulk(spec(ResourceNames.SYSTEM_LOCATION), objects, List.of(), OPERATOR);
    }

    private long create(String resource, Map<String, Object> input) {
        return ((Number) service.create(spec(resource), input, OPERATOR).get("id")).longValue();
    }

    private void update(Random random, String resource, Map<String, Object> input) {
        List<Long> ids = ids(resource);
        if (!ids.isEmpty()) {
            service.update(spec(resource), ids.get(random.nextInt(ids.size())), input, true, OPERATOR);
        }
    }

    private void delete(Random random, String resource) {
        List<Long> ids = ids(resource);
        if (!ids.isEmpty()) {
            service.delete(spec(resource), ids.get(random.nextInt(ids.size())), OPERATOR);
        }
    }

    private List<Long> ids(String resource) {
        return store.read(handle -> handle.createQuery("SELECT id FROM " + spec(resource).table() + " ORDER BY id")
                .mapTo(Long.class).list());
    }

    private ResourceSpec spec(String resource) {
        return service.catalog().configuration(resource);
    }

    /** The configuration as one whole read gives it, as the hub builds at start. */
    private ReplicatedConfig wholeBuild() {
        Set<Long> enrolled = service.read(transaction -> transaction.dao(MeshDao.class).enrolledNodeIds());
        ConfigurationService.Snapshot snapshot = service.snapshot(ReplicatedConfig.RESOURCES);
        long revision = store.read(handle -> handle.attach(RevisionDao.class).current());
        assertTrue(revision == snapshot.revision());
        return ReplicatedConfig.of(snapshot.revision(), Replicable.of(service.catalog(), snapshot.objects(), enrolled));
    }
}
