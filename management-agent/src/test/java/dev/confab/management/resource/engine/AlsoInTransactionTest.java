package dev.confab.management.resource.engine;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.adminlog.AdminLog;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.Store;
import dev.confab.shared.crypto.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a create does besides storing its object commits with it, or nothing does. */
class AlsoInTransactionTest {

    private static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    private Store store;
    private ConfigurationService service;
    private ResourceSpec locations;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
        service = new ConfigurationService(store, new Catalog(Clock.systemUTC()),
                SecretBox.openOrCreate(dir.resolve("secret.key")), Clock.systemUTC());
        locations = service.catalog().configuration(ResourceNames.SYSTEM_LOCATION);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> logged() {
        return store.read(handle -> handle.createQuery("SELECT action FROM admin_log ORDER BY id")
                .mapTo(String.class).list());
    }

    @Test
    void whatTheStepWritesCommitsWithTheObjectAndSeesIt() {
        ConfigurationService.Created<String> created = service.create(locations, Map.of("name", "London"), OPERATOR,
                (transaction, id) -> {
                    String name = transaction.reads().systemLocation(id).orElseThrow().name();
                    AdminLog.of(AdminLog.Action.CONFIGURATION_FILE, Instant.now()).by(Actor.system("test"))
                            .about(ResourceNames.SYSTEM_LOCATION, id, name).appendTo(transaction.dao(AdminLogDao.class));
                    return name;
                });

        assertEquals("London", created.also());
        assertEquals("London", created.object().get("name"));
        assertEquals(List.of("created", "configuration_file"), logged());
    }

    @Test
    void aFailingStepLeavesNoObjectNoRevisionAndNoLogLine() {
        long revision = service.revision();
        List<Long> announced = new java.util.ArrayList<>();
        service.onChange(change -> announced.add(change.revision()));

        assertThrows(IllegalStateException.class, () -> service.create(locations, Map.of("name", "London"), OPERATOR,
                (transaction, id) -> {
                    throw new IllegalStateException("the file cannot be made");
                }));

        assertEquals(List.of(), service.systemLocations());
        assertEquals(revision, service.revision());
        assertEquals(List.of(), logged());
        assertEquals(List.of(), announced, "no change is announced");
    }
}
