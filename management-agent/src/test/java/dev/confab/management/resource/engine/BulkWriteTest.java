package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A bulk write and a deletion of a list: one revision, one record and log line per object, all or nothing. */
class BulkWriteTest {

    private static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    private Store store;
    private ConfigurationService service;
    private ResourceSpec dns;
    private final List<ConfigurationChange> announced = new ArrayList<>();

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        service = new ConfigurationService(store, new Catalog(Clock.systemUTC()),
                SecretBox.openOrCreate(dir.resolve("secret.key")), Clock.systemUTC());
        dns = service.catalog().configuration(ResourceNames.DNS_SERVER);
        service.onChange(announced::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long create(String address) {
        return ((Number) service.create(dns, Map.of("address", address), OPERATOR).get("id")).longValue();
    }

    private List<String> recorded(long revision) {
        return store.read(handle -> handle.createQuery("""
                SELECT action || ' ' || object_id FROM config_change WHERE revision = :revision ORDER BY object_id
                """).bind("revision", revision).mapTo(String.class).list());
    }

    private List<Long> loggedRevisions() {
        return store.read(handle -> handle.createQuery("SELECT revision FROM admin_log ORDER BY id")
                .mapTo(Long.class).list());
    }

    @Test
    void recordsEveryObjectOfABulkWriteAtOneRevisionAndAnnouncesEach() {
        long first = create("192.0.2.1");
        long second = create("192.0.2.2");
        announced.clear();
        long before = service.revision();

        List<Map<String, Object>> written = service.bulk(dns, List.of(
                new ConfigurationService.BulkObject(first, Map.of("description", "one")),
                new ConfigurationService.BulkObject(null, Map.of("address", "192.0.2.3"))), List.of(second), OPERATOR);

        long revision = before + 1;
        assertEquals(revision, service.revision());
        long created = ((Number) written.get(1).get("id")).longValue();
        assertEquals(List.of("updated " + first, "deleted " + second, "created " + created), recorded(revision));
        assertEquals(List.of(revision, revision, revision), loggedRevisions().subList(2, 5));
        assertEquals(List.of(new ConfigurationChange(revision, "dns_server", first, "updated"),
                new ConfigurationChange(revision, "dns_server", created, "created"),
                new ConfigurationChange(revision, "dns_server", second, "deleted")), announced);
    }

    @Test
    void aFailingBulkWriteRecordsAndAnnouncesNothing() {
        long first = create("192.0.2.1");
        announced.clear();
        long before = service.revision();

        assertThrows(ValidationException.class, () -> service.bulk(dns, List.of(
                new ConfigurationService.BulkObject(first, Map.of("description", "one")),
                new ConfigurationService.BulkObject(null, Map.of("address", "not an address"))), List.of(), OPERATOR));

        assertEquals(before, service.revision());
        assertEquals(List.of(), recorded(before + 1));
        assertEquals(1, loggedRevisions().size());
        assertEquals(List.of(), announced);
    }

    @Test
    void deletesWhatAListQueryMatchesAtOneRevision() {
        create("192.0.2.1");
        long kept = create("198.51.100.1");
        create("192.0.2.2");
        long before = service.revision();

        int deleted = service.deleteMatching(dns, ListQuery.parse(dns, Map.of("address__startswith",
                List.of("192.0.2."), "limit", List.of("1"))), OPERATOR);

        assertEquals(2, deleted);
        assertEquals(before + 1, service.revision());
        assertEquals(2, recorded(before + 1).size());
        assertEquals(List.of(kept), service.list(dns, ListQuery.parse(dns, Map.of())).objects().stream()
                .map(object -> ((Number) object.get("id")).longValue()).toList());
    }
}
