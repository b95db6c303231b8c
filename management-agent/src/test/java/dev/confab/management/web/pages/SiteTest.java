package dev.confab.management.web.pages;

import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.web.views.Labels;
import dev.confab.management.web.views.ListModel;
import dev.confab.management.web.views.Menu;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.ResourceViews;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteTest {

    @Test
    void servesEveryMenuItem() {
        Set<String> served = new HashSet<>(Set.of(LiveViewPage.HREF, CloudBurstingPage.HREF,
                BurstingPlanPage.HREF));
        ResourceViews.all(new Catalog(Clock.systemUTC())).forEach(view -> served.add(view.href()));
        Menu.SECTIONS.forEach(section -> section.items().forEach(item ->
                assertTrue(served.contains(item.href()), item.title() + " " + item.href())));
        assertEquals(served.size(), Menu.SECTIONS.stream().mapToInt(section -> section.items().size()).sum());
    }

    @Test
    void labelsFieldsInOperatorsWords() {
        assertEquals("System location", Labels.of("system_location"));
        assertEquals("IPv6 gateway", Labels.of("ipv6_gateway"));
        assertEquals("SIP TLS FQDN", Labels.of("sip_tls_fqdn"));
        assertEquals("Overflow location 1", Labels.of("overflow_location1"));
    }

    @Test
    void redirectsAfterLoginOnlyWithinTheSite() {
        assertEquals("/platform/locations/", LoginPage.safeNext("/platform/locations/"));
        assertEquals(Menu.HOME, LoginPage.safeNext("https://evil.example/"));
        assertEquals(Menu.HOME, LoginPage.safeNext("//evil.example/"));
        assertEquals(Menu.HOME, LoginPage.safeNext("/\\evil.example/"));
        assertEquals(Menu.HOME, LoginPage.safeNext(null));
    }

    @Test
    void sortLinksToggleTheDirectionAndKeepTheSearch() {
        var spec = new Catalog(Clock.systemUTC()).configuration("system_location");
        var column = ResourceView.Column.field(spec, "name", "Name");
        ListLinks links = ListLinks.of("/platform/locations/", "lon don", "name", null, "40");
        var ascending = dev.confab.management.resource.ListQuery.parse(spec, java.util.Map.of());
        ListModel.Header header = links.header(column, ascending);
        assertEquals("ascending", header.sorted());
        assertEquals("/platform/locations/?q=lon+don&order_by=-name", header.href(), "re-sorting starts at page one");
        assertEquals("/platform/locations/?q=lon+don&order_by=name&offset=20", links.at(20));
        assertEquals("/platform/locations/?q=lon+don&order_by=name", links.at(0));
    }
}
