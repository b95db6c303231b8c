package dev.confab.management.web.forms;

import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.web.views.FieldView;
import dev.confab.management.web.views.FieldView.Control;
import dev.confab.management.web.views.FieldView.Option;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.ResourceViews;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormFieldsTest {

    private static final Catalog CATALOG = new Catalog(Clock.systemUTC());
    private static final String LONDON = "/api/admin/configuration/v1/system_location/1/";

    private static FieldView field(String resource, String name, Object value, boolean isNew) {
        return FormFields.control(CATALOG.configuration(resource).field(name).orElseThrow(), value, null, isNew,
                related -> List.of(new Option(LONDON, "London", false)));
    }

    @Test
    void choosesTheControlFromTheFieldSpec() {
        assertEquals(Control.CHECKBOX, field("worker_vm", "maintenance_mode", false, true).control());
        assertEquals(Control.NUMBER, field("worker_vm", "vm_cpu_count", 4L, true).control());
        assertEquals(Control.SELECT, field("worker_vm", "node_type", "CONFERENCING", true).control());
        assertEquals(Control.SELECT, field("worker_vm", "system_location", null, true).control());
        assertEquals(Control.MULTI, field("system_location", "dns_servers", List.of(), true).control());
        assertEquals(Control.PASSWORD, field("worker_vm", "password", null, true).control());
        assertEquals(Control.TEXTAREA, field("tls_certificate", "certificate", "", true).control());
        assertEquals(Control.ALIASES, field("conference", "aliases", List.of(), true).control());
        assertEquals(Control.TEXT, field("worker_vm", "hostname", "", true).control());
    }

    @Test
    void neverShowsASecretAndSaysBlankKeepsIt() {
        FieldView password = field("worker_vm", "password", "$6$salt$hash", false);
        assertEquals("", password.value());
        assertTrue(password.help().contains("Leave blank to keep"));
    }

    @Test
    void selectsTheRelatedObjectAndOffersAChoice() {
        FieldView location = field("worker_vm", "system_location", LONDON, false);
        assertEquals(List.of(new Option("", "Choose…", false), new Option(LONDON, "London", true)), location.options());
        FieldView overflow = field("system_location", "overflow_location1", null, true);
        assertEquals(new Option("", "(none)", true), overflow.options().get(0));
    }

    @Test
    void showsEnteredAliasesWithSpareRows() {
        FieldView aliases = field("conference", "aliases", List.of(Map.of("alias", "a@example.com", "description", "")),
                false);
        assertEquals(3, aliases.aliases().size());
        assertEquals("a@example.com", aliases.aliases().get(0).alias());
        assertEquals("aliases-2-alias", aliases.aliases().get(2).aliasId());
    }

    @Test
    void groupsGlobalSettingsWithTheReadOnlyTagInTheBurstingSection() {
        ResourceView global = ResourceViews.all(CATALOG).stream()
                .filter(view -> view.href().equals("/platform/global-settings/")).findFirst().orElseThrow();
        var sections = FormFields.build(global, Map.of("bursting_tag_name", "pexip-cloud", "bursting_tag_value", "mgmt"),
                Map.of(), false, resource -> List.of());
        var bursting = sections.get(0);
        assertEquals("Cloud bursting", bursting.title());
        FieldView tag = bursting.fields().stream().filter(f -> f.name().equals("bursting_tag_name")).findFirst()
                .orElseThrow();
        assertEquals(Control.READONLY, tag.control());
        assertEquals("pexip-cloud", tag.value());
    }
}
