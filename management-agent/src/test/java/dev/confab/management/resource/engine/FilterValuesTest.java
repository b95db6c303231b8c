package dev.confab.management.resource.engine;

import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterValuesTest {

    private final ResourceSpec nodes = new Catalog(Clock.systemUTC()).configuration("worker_vm");

    private List<Object> values(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], List.of(pairs[i + 1]));
        }
        return FilterValues.of(nodes, ListQuery.parse(nodes, parameters));
    }

    private Map<String, String> refused(String... pairs) {
        return assertThrows(ValidationException.class, () -> values(pairs)).fields();
    }

    @Test
    void convertsValuesThatFitTheirFields() {
        assertEquals(List.of(4L, 7L, 1, 0, 3L, "lon"), values("vm_cpu_count__gte", "4", "id", "7",
                "maintenance_mode", "True", "enable_distributed_database", "0",
                "system_location", "/api/admin/configuration/v1/system_location/3/", "name__icontains", "lon"));
    }

    @Test
    void refusesIntegerFiltersThatAreNotWholeNumbersNamingFieldAndType() {
        Map<String, String> fields = refused("vm_cpu_count__gte", "abc", "id__lt", "1.5");
        assertTrue(fields.get("vm_cpu_count__gte").contains("vm_cpu_count is an integer field"), fields.toString());
        assertTrue(fields.get("id__lt").contains("whole number"), fields.toString());
    }

    @Test
    void acceptsOnlyTrueFalseOneAndZeroForBooleans() {
        for (String value : List.of("yes", "on", "", " true", "2")) {
            assertTrue(refused("maintenance_mode", value).get("maintenance_mode").contains("boolean"), value);
        }
    }

    @Test
    void refusesARelatedFilterThatIsNotAnIdOrUriOfTheRelatedResource() {
        assertTrue(refused("system_location", "/api/admin/configuration/v1/conference/3/").get("system_location")
                .contains("system_location"));
        refused("system_location", "London");
    }

    @Test
    void letsTextOperatorsTakeAnyText() {
        assertEquals("%x", values("vm_cpu_count__icontains", "%x", "maintenance_mode__startswith", "y").get(0));
    }
}
