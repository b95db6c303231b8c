package dev.confab.management.resource;

import dev.confab.management.resource.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListQueryTest {

    private final ResourceSpec nodes = new Catalog(Clock.systemUTC()).configuration("worker_vm");

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return map;
    }

    @Test
    void parsesOperatorsFromParameterSuffixes() {
        ListQuery query = ListQuery.parse(nodes, params("name__icontains", "lon", "vm_cpu_count__gte", "4",
                "vm_cpu_count__lt", "16", "hostname", "cn1", "name__startswith", "l"));
        assertEquals(List.of(ListQuery.Operator.ICONTAINS, ListQuery.Operator.GTE, ListQuery.Operator.LT,
                ListQuery.Operator.EXACT, ListQuery.Operator.STARTSWITH),
                query.filters().stream().map(ListQuery.Filter::operator).toList());
        assertEquals("vm_cpu_count", query.filters().get(1).field());
    }

    @Test
    void defaultsToTwentyPerPageAndCapsTheLimit() {
        assertEquals(20, ListQuery.parse(nodes, params()).limit());
        assertEquals(ListQuery.MAX_LIMIT, ListQuery.parse(nodes, params("limit", "1000000")).limit());
        assertEquals(ListQuery.MAX_LIMIT, ListQuery.parse(nodes, params("limit", "0")).limit());
    }

    @Test
    void refusesWriteOnlyAndUnknownFieldsAndNegativePaging() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> ListQuery.parse(nodes, params("password", "x", "offset", "-1", "order_by", "colour")));
        assertTrue(error.fields().keySet().containsAll(List.of("password", "offset", "order_by")), error.fields().toString());
    }

    @Test
    void acceptsAnyOffsetALongHoldsAndRefusesLarger() {
        assertEquals(Long.MAX_VALUE, ListQuery.parse(nodes, params("offset", "9223372036854775807")).offset());
        ValidationException error = assertThrows(ValidationException.class,
                () -> ListQuery.parse(nodes, params("offset", "9223372036854775808", "limit", "ten")));
        assertTrue(error.fields().get("offset").contains("from 0 to 9223372036854775807"), error.fields().toString());
        assertTrue(error.fields().get("limit").contains("whole number"), error.fields().toString());
    }

    @Test
    void ordersDescendingWithALeadingMinus() {
        ListQuery query = ListQuery.parse(nodes, params("order_by", "-name"));
        assertEquals("name", query.orderBy());
        assertTrue(query.descending());
    }
}
