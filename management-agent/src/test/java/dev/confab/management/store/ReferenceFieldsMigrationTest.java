package dev.confab.management.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store of the version before the reference's fields is brought to them without losing what it held. */
class ReferenceFieldsMigrationTest {

    private static final List<String> BEFORE = List.of("V1__initial.sql", "V2__web.sql", "V3__provisioning.sql",
            "V4__channel.sql", "V5__several_changes_per_revision.sql");

    @Test
    void keepsTheSettingsAndBringsNodesIntoTheReferencesRanges(@TempDir Path dir) {
        Path file = dir.resolve("confab.db");
        Jdbi.create("jdbc:sqlite:" + file).useHandle(handle -> {
            BEFORE.forEach(script -> handle.createScript(load(script)).execute());
            handle.execute("PRAGMA user_version = " + BEFORE.size());
            handle.execute("UPDATE global SET enable_ssh = 'OFF'");
            handle.execute("INSERT INTO system_location (id, name) VALUES (1, 'London')");
            handle.execute("""
                    INSERT INTO worker_vm (id, name, hostname, domain, address, netmask, gateway, node_type,
                                           system_location, deployment_type, vm_cpu_count, vm_system_memory)
                    VALUES (1, 'cn1', 'cn1', 'example.com', '10.0.0.11', '255.255.255.0', '10.0.0.1', 'CONFERENCING',
                            1, 'MANUAL-PROVISION-ONLY', 1, 1024)""");
            handle.execute("INSERT INTO conference (id, name) VALUES (1, 'Room')");
            handle.execute("INSERT INTO conference_alias (alias, conference) VALUES ('room@example.com', 1)");
        });

        try (Store store = Store.open(file)) {
            Map<String, Object> global = one(store, "SELECT enable_ssh, deployment_uuid, media_ports_start FROM global");
            assertEquals(0, ((Number) global.get("enable_ssh")).intValue(), "OFF is false");
            assertTrue(global.get("deployment_uuid").toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}"
                    + "-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), global.toString());
            assertEquals(40000, ((Number) global.get("media_ports_start")).intValue());
            Map<String, Object> node = one(store, "SELECT vm_cpu_count, vm_system_memory, snmp_mode FROM worker_vm");
            assertEquals(2, ((Number) node.get("vm_cpu_count")).intValue());
            assertEquals(2000, ((Number) node.get("vm_system_memory")).intValue());
            assertEquals("DISABLED", node.get("snmp_mode"));
            String created = one(store, "SELECT creation_time FROM conference_alias").get("creation_time").toString();
            assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), created);
        }
    }

    private static Map<String, Object> one(Store store, String sql) {
        return store.read((Handle handle) -> handle.createQuery(sql).mapToMap().one());
    }

    private static String load(String name) {
        try (InputStream in = ReferenceFieldsMigrationTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
