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
    void treatsLikeWildcardsInContainsAsPlainCharacters() {
        assertEquals(0, node.get(CONFIG + "system_location/?name__icontains=%25").body().get("meta").get("total_count").asInt());
        assertEquals(0, node.get(CONFIG + "system_location/?name__icontains=site_0").body().get("meta").get("total_count").asInt());
    }
}
