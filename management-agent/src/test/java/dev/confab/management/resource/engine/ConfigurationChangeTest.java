package dev.confab.management.resource.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationChangeTest {

    @Test
    void saysWhichResourceItTouchedAndWhetherItDeleted() {
        ConfigurationChange deletion = new ConfigurationChange(7, "worker_vm", 3, "deleted");
        ConfigurationChange update = new ConfigurationChange(8, "worker_vm", 3, "updated");

        assertTrue(deletion.touches("system_location", "worker_vm"));
        assertFalse(deletion.touches("management_vm", "tls_certificate"));
        assertFalse(deletion.touches());
        assertTrue(deletion.deleted("worker_vm"));
        assertFalse(deletion.deleted("system_location"));
        assertFalse(update.deleted("worker_vm"));
    }
}
