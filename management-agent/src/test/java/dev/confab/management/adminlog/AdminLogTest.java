package dev.confab.management.adminlog;

import dev.confab.management.store.AdminLogDao;
import dev.confab.management.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A line built from named parts lands in the right columns of the real store. */
class AdminLogTest {

    private Store store;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Store.open(dir.resolve("confab.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void writesEachPartToItsColumn() {
        store.write(handle -> {
            AdminLog.of(AdminLog.Action.ENROLLED, Instant.parse("2026-11-25T10:00:00Z"))
                    .by(Actor.node("lon-cn1.example.com", "10.0.0.7"))
                    .about("worker_vm", 7L, "lon-cn1")
                    .details("certificate 1f issued")
                    .appendTo(handle.attach(AdminLogDao.class));
            return null;
        });

        Map<String, Object> row = store.read(handle -> handle.createQuery("SELECT * FROM admin_log").mapToMap().one());
        assertEquals("2026-11-25T10:00:00.000000", row.get("time"));
        assertEquals("node:lon-cn1.example.com", row.get("user"));
        assertEquals("10.0.0.7", row.get("address"));
        assertEquals("enrolled", row.get("action"));
        assertEquals("worker_vm", row.get("resource"));
        assertEquals(7L, ((Number) row.get("object_id")).longValue());
        assertEquals("lon-cn1", row.get("object_name"));
        assertEquals("certificate 1f issued", row.get("details"));
        assertEquals(null, row.get("revision"), "an event that changes no configuration has no revision");
    }

    @Test
    void aLineNeedsToSayWhoDidIt() {
        AdminLog.Line line = AdminLog.of(AdminLog.Action.LOGIN_FAILED, Instant.now()).about("admin_account", null, "x");
        assertThrows(NullPointerException.class, () -> store.write(handle -> {
            line.appendTo(handle.attach(AdminLogDao.class));
            return null;
        }));
    }
}
