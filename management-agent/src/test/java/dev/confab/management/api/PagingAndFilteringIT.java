package dev.confab.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class PagingAndFilteringIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @BeforeAll
    static void start() {
        for (int i = 1; i <= 25; i++) {
            String name = String.format("site-%02d", i) + (i % 5 == 0 ? "-EDGE" : "");
            assertEquals(201, node.post(CONFIG + "system_location/", Map.of("name", name, "mtu", 1000 + i)).status());
        }
        String site01 = CONFIG + "system_location/1/";
        Map<String, Object> resting = Fixtures.node("cn-resting", "10.9.0.11", site01);
        resting.put("maintenance_mode", true);
        assertEquals(201, node.post(CONFIG + "worker_vm/", resting).status());
        assertEquals(201, node.post(CONFIG + "worker_vm/", Fixtures.node("cn-working", "10.9.0.12", site01)).status());
    }

    private static String fieldError(RunningNode.Response response, String parameter) {
        assertEquals(400, response.status(), response.text());
        assertTrue(response.body().get("fields").has(parameter), response.text());
        return response.body().get("fields").get(parameter).asText();
    }

    @Test
    void pagesWithLimitAndOffsetAndLinksTheNextAndPreviousPages() {
        JsonNode first = node.get(CONFIG + "system_location/").body();
        assertEquals(20, first.get("meta").get("limit").asInt());
        assertEquals(25, first.get("meta").get("total_count").asInt());
        assertEquals(20, first.get("objects").size());
        assertTrue(first.get("meta").get("previous").isNull());
        JsonNode second = node.get(first.get("meta").get("next").asText()).body();
        assertEquals(5, second.get("objects").size());
        assertTrue(second.get("meta").get("next").isNull());
        assertEquals(20, second.get("meta").get("offset").asInt());
        assertEquals(0, node.get(second.get("meta").get("previous").asText()).body().get("meta").get("offset").asInt());
    }

    @Test
    void filtersByExactValueCaseInsensitiveContainsAndPrefix() {
        assertEquals(List.of("site-07"), Fixtures.names(node.get(CONFIG + "system_location/?name=site-07"), "name"));
        assertEquals(5, node.get(CONFIG + "system_location/?name__icontains=edge").body().get("meta").get("total_count").asInt());
        assertEquals(0, node.get(CONFIG + "system_location/?name__startswith=SITE").body().get("meta").get("total_count").asInt(),
                "startswith is case-sensitive");
        assertEquals(10, node.get(CONFIG + "system_location/?name__startswith=site-1").body().get("meta").get("total_count").asInt());
    }

    @Test
    void filtersNumbersWithGteAndLtAndKeepsFiltersInTheNextLink() {
        JsonNode page = node.get(CONFIG + "system_location/?mtu__gte=1010&mtu__lt=1020&limit=4").body();
        assertEquals(10, page.get("meta").get("total_count").asInt());
        String next = page.get("meta").get("next").asText();
        assertTrue(next.contains("mtu__gte=1010") && next.contains("mtu__lt=1020"), next);
        List<Integer> seen = new ArrayList<>();
        String uri = CONFIG + "system_location/?mtu__gte=1010&mtu__lt=1020&limit=4";
        while (uri != null) {
            JsonNode body = node.get(uri).body();
            body.get("objects").forEach(object -> seen.add(object.get("mtu").asInt()));
            uri = body.get("meta").get("next").isNull() ? null : body.get("meta").get("next").asText();
        }
        assertEquals(10, seen.size());
        assertTrue(seen.stream().allMatch(mtu -> mtu >= 1010 && mtu < 1020), seen.toString());
    }

    @Test
    void ordersByAFieldAscendingOrDescending() {
        List<String> descending = Fixtures.names(node.get(CONFIG + "system_location/?order_by=-mtu&limit=3"), "name");
        assertEquals(List.of("site-25-EDGE", "site-24", "site-23"), descending);
    }

    @Test
    void refusesAFilterOnAnUnknownField() {
        RunningNode.Response response = node.get(CONFIG + "system_location/?colour=red");
        assertEquals(400, response.status());
        assertTrue(response.body().get("fields").get("colour").asText().contains("Filterable fields"), response.text());
    }

    @Test
    void refusesAFilterValueThatDoesNotFitTheFieldsType() {
        String mtu = fieldError(node.get(CONFIG + "system_location/?mtu__gte=abc"), "mtu__gte");
        assertTrue(mtu.contains("mtu") && mtu.contains("integer"), mtu);
        assertTrue(fieldError(node.get(CONFIG + "system_location/?id=abc"), "id").contains("integer"));
        assertTrue(fieldError(node.get(CONFIG + "worker_vm/?maintenance_mode=yes"), "maintenance_mode").contains("boolean"));
        assertTrue(fieldError(node.get(CONFIG + "worker_vm/?system_location=" + CONFIG + "conference/1/"),
                "system_location").contains("system_location"));
        assertEquals(200, node.get(CONFIG + "system_location/?mtu__icontains=abc").status(),
                "text operators take any text, also on integer fields");
    }

    @Test
    void filtersBooleansWithTrueFalseInAnyCaseAndOneZero() {
        for (String yes : List.of("true", "True", "1")) {
            assertEquals(List.of("cn-resting"), Fixtures.names(node.get(CONFIG + "worker_vm/?maintenance_mode=" + yes), "name"));
        }
        for (String no : List.of("false", "False", "0")) {
            assertEquals(List.of("cn-working"), Fixtures.names(node.get(CONFIG + "worker_vm/?maintenance_mode=" + no), "name"));
        }
    }

    @Test
    void answersAnOffsetPastTheEndWithAnEmptyPageAndNoNextEvenNearTheLargestOffset() {
        JsonNode past = node.get(CONFIG + "system_location/?offset=30").body();
        assertEquals(0, past.get("objects").size());
        assertTrue(past.get("meta").get("next").isNull(), past.toString());
        assertEquals(25, past.get("meta").get("total_count").asInt());

        JsonNode far = node.get(CONFIG + "system_location/?offset=9223372036854775800&limit=100").body();
        assertEquals(0, far.get("objects").size(), far.toString());
        assertTrue(far.get("meta").get("next").isNull(), "offset + limit must not wrap around: " + far);
        assertEquals(9223372036854775800L, far.get("meta").get("offset").asLong());
        assertTrue(far.get("meta").get("previous").asText().contains("offset=9223372036854775700"), far.toString());
    }

    @Test
    void refusesPagingValuesThatAreNotWholeNumbersOfZeroOrMore() {
        assertTrue(fieldError(node.get(CONFIG + "system_location/?limit=-1"), "limit").contains("whole number"));
        fieldError(node.get(CONFIG + "system_location/?limit=ten"), "limit");
        fieldError(node.get(CONFIG + "system_location/?offset=-5"), "offset");
        assertTrue(fieldError(node.get(CONFIG + "system_location/?offset=9223372036854775808"), "offset")
                .contains("9223372036854775807"));
        assertEquals(1000, node.get(CONFIG + "system_location/?limit=0").body().get("meta").get("limit").asInt());
    }

    @Test
    void treatsLikeWildcardsInContainsAsPlainCharacters() {
        assertEquals(0, node.get(CONFIG + "system_location/?name__icontains=%25").body().get("meta").get("total_count").asInt());
        assertEquals(0, node.get(CONFIG + "system_location/?name__icontains=site_0").body().get("meta").get("total_count").asInt());
    }
}
