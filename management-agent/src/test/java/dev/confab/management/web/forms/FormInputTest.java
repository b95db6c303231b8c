package dev.confab.management.web.forms;

import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.ResourceViews;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormInputTest {

    private static final Catalog CATALOG = new Catalog(Clock.systemUTC());

    private static ResourceView view(String href) {
        return ResourceViews.all(CATALOG).stream().filter(view -> view.href().equals(href)).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], key -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    @Test
    void readsANodeFormAsTheApiWouldReceiveIt() {
        Map<String, Object> input = FormInput.read(view("/platform/conferencing-nodes/"), form(
                "name", "lon-1", "gateway", "10.0.0.1", "secondary_address", "", "media_priority_weight", "",
                "system_location", "/api/admin/configuration/v1/system_location/1/", "tls_certificate", "",
                "static_routes", "/api/admin/configuration/v1/static_route/2/", "static_routes", "",
                "enable_distributed_database", "true", "password", "", "_csrf", "token"));
        assertEquals("lon-1", input.get("name"));
        assertNull(input.get("secondary_address"), "a blank nullable text is null");
        assertTrue(input.containsKey("media_priority_weight") && input.get("media_priority_weight") == null);
        assertNull(input.get("tls_certificate"));
        assertEquals(List.of("/api/admin/configuration/v1/static_route/2/"), input.get("static_routes"));
        assertEquals(true, input.get("enable_distributed_database"));
        assertEquals(false, input.get("maintenance_mode"), "an unticked checkbox is false");
        assertFalse(input.containsKey("password"), "a blank secret keeps the stored one");
        assertFalse(input.containsKey("_csrf"));
        assertFalse(input.containsKey("cloud_bursting"), "read-only fields are never sent");
    }

    @Test
    void keepsABlankNonNullableTextAsEmpty() {
        Map<String, Object> input = FormInput.read(view("/platform/locations/"), form("name", "A", "description", ""));
        assertEquals("", input.get("description"));
    }

    @Test
    void readsAliasRowsSkippingBlankOnesAndFixesTheServiceType() {
        Map<String, Object> input = FormInput.read(view("/services/virtual-auditoriums/"), form(
                "name", "Town hall", "pin", "1234", "service_type", "conference",
                "aliases-0-alias", " town@example.com ", "aliases-0-description", "SIP",
                "aliases-1-alias", "", "aliases-1-description", "ignored",
                "aliases-2-alias", "8002", "aliases-2-description", ""));
        assertEquals("lecture", input.get("service_type"), "the page decides the service type");
        assertEquals("1234", input.get("pin"));
        assertEquals(List.of(Map.of("alias", "town@example.com", "description", "SIP"),
                Map.of("alias", "8002", "description", "")), input.get("aliases"));
    }
}
