package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.Conference;
import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.Licence;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.store.Store;
import dev.confab.management.testing.SettableClock;
import dev.confab.shared.crypto.SecretBox;
import dev.confab.shared.crypto.ShaCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects written through the engine read back as the catalog's typed records, in a real store. */
class TypedReadsTest {

    private static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private Store store;
    private ConfigurationService service;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        service = new ConfigurationService(store, new Catalog(clock), SecretBox.openOrCreate(dir.resolve("secret.key")),
                clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long create(String resource, Map<String, Object> input) {
        return ((Number) service.create(service.catalog().configuration(resource), input, OPERATOR).get("id"))
                .longValue();
    }

    private static String uri(String resource, long id) {
        return "/api/admin/configuration/v1/" + resource + "/" + id + "/";
    }

    @Test
    void aNodeReadsBackWithTypedFieldsItsRoutesAndItsPasswordHash() {
        long london = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "London"));
        long route = create(ResourceNames.STATIC_ROUTE, Map.of("name", "backbone", "address", "10.9.0.0",
                "prefix", 16, "gateway", "10.20.0.254"));
        Map<String, Object> node = new HashMap<>(Map.of("name", "lon-cn1", "hostname", "lon-cn1",
                "domain", "vc.example.com", "address", "10.20.0.11", "netmask", "255.255.255.0",
                "gateway", "10.20.0.1", "system_location", uri(ResourceNames.SYSTEM_LOCATION, london),
                "node_type", "PROXYING", "password", "ssh-Secret-1"));
        node.put("static_routes", List.of(uri(ResourceNames.STATIC_ROUTE, route)));
        node.put("enable_ssh", "OFF");
        node.put("media_priority_weight", 7);
        long id = create(ResourceNames.WORKER_VM, node);

        WorkerVm read = service.workerVm(id).orElseThrow();

        assertEquals("lon-cn1.vc.example.com", read.fqdn());
        assertEquals("10.20.0.11", read.address());
        assertEquals(WorkerVm.NodeType.PROXYING, read.nodeType());
        assertEquals(london, read.systemLocation());
        assertEquals(List.of(route), read.staticRoutes());
        assertEquals(WorkerVm.SshAccess.OFF, read.enableSsh());
        assertEquals(Optional.of(7), read.mediaPriorityWeight());
        assertEquals(Optional.empty(), read.ipv6Address(), "a null field is empty");
        assertTrue(read.enableDistributedDatabase(), "the spec's default");
        assertFalse(read.maintenanceMode());
        assertEquals(4, read.vmCpuCount());
        assertTrue(ShaCrypt.isSha512Crypt(read.passwordHash().orElseThrow()), "kept only as its hash");
        assertEquals(List.of(read), service.workerVms());
    }

    @Test
    void aLocationReadsBackWithItsServersAndOverflow() {
        long dns = create(ResourceNames.DNS_SERVER, Map.of("address", "192.0.2.53"));
        long paris = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "Paris"));
        long london = create(ResourceNames.SYSTEM_LOCATION, Map.of("name", "London", "mtu", 1400,
                "dns_servers", List.of(uri(ResourceNames.DNS_SERVER, dns)),
                "overflow_location1", uri(ResourceNames.SYSTEM_LOCATION, paris)));

        SystemLocation read = service.read(transaction -> transaction.reads().systemLocation(london)).orElseThrow();

        assertEquals(1400, read.mtu());
        assertEquals(List.of(dns), read.dnsServers());
        assertEquals(Optional.of(paris), read.overflowLocation1());
        assertEquals(Optional.empty(), read.transcodingLocation());
        assertEquals(List.of("192.0.2.53"), service.read(transaction -> transaction.reads()
                .dnsServers(read.dnsServers())).stream().map(server -> server.address()).toList());
        assertEquals(2, service.systemLocations().size());
    }

    @Test
    void theGlobalSettingsReadBackWithTheirDefaultsAndChanges() {
        GlobalSettings defaults = service.globalSettings();
        assertFalse(defaults.burstingEnabled());
        assertEquals(50, defaults.burstingMinLifetime());
        assertTrue(defaults.enableSsh());

        service.update(service.catalog().configuration(ResourceNames.GLOBAL), 1, Map.of("enable_ssh", "OFF",
                "bursting_threshold", 9), true, OPERATOR);

        assertFalse(service.globalSettings().enableSsh());
        assertEquals(9, service.globalSettings().burstingThreshold());
    }

    @Test
    void conferencesAliasesAndLicencesReadBackTyped() {
        long room = create(ResourceNames.CONFERENCE, Map.of("name", "Board", "service_type", "lecture",
                "call_type", "video-only", "pin", "1234", "aliases", List.of(Map.of("alias", "board@example.com"))));
        create(ResourceNames.LICENCE, Map.of("concurrent", 20, "expiration_date", "2027-01-01T00:00:00"));

        Conference conference = service.read(transaction -> transaction.reads().conferences()).get(0);
        assertEquals(Conference.ServiceType.LECTURE, conference.serviceType());
        assertEquals(Conference.CallType.VIDEO_ONLY, conference.callType());
        assertEquals("1234", conference.pin());
        assertEquals(List.of(room), service.read(transaction -> transaction.reads().conferenceAliases()).stream()
                .map(alias -> alias.conference()).toList());
        Licence licence = service.read(transaction -> transaction.reads().licences()).get(0);
        assertEquals(20, licence.concurrent());
        assertEquals(Optional.of(clock.instant()), licence.startDate(), "set when written");
        assertTrue(licence.isActive(clock.instant()));
        assertFalse(licence.isActive(Instant.parse("2027-01-01T00:00:00Z")));
    }
}
