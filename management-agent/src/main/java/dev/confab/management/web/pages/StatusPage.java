package dev.confab.management.web.pages;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.views.Display;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.Table;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Status › Cloud Bursting, drawn from the store as it is: settings, monitored locations, overflow
 * nodes. Live View is {@link LiveViewPage}.
 */
public final class StatusPage {

    public static final String CLOUD_BURSTING = "/status/cloud-bursting/";

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;

    public StatusPage(ConfigurationService service, Templates templates, Lookups lookups) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
    }

    public void cloudBursting(Context ctx) {
        Catalog catalog = service.catalog();
        Map<String, Object> global = service.get(catalog.configuration(ResourceNames.GLOBAL), ResourceView.SINGLETON_ID);
        ResourceSpec locationSpec = catalog.configuration(ResourceNames.SYSTEM_LOCATION);
        Map<String, String> names = lookups.namesFor(locationSpec);
        List<List<String>> settings = List.of(
                List.of("Bursting enabled", Display.text(global.get("bursting_enabled"), Map.of())),
                List.of("Bursting threshold (free HD calls)", text(global.get("bursting_threshold"))),
                List.of("Minimum lifetime (minutes)", text(global.get("bursting_min_lifetime"))),
                List.of("Tag name", text(global.get("bursting_tag_name"))),
                List.of("Tag value", text(global.get("bursting_tag_value"))));
        List<List<String>> monitored = new ArrayList<>();
        for (Map<String, Object> location : lookups.all(locationSpec, Map.of())) {
            if (location.get("overflow_location1") != null) {
                monitored.add(List.of(text(location.get("name")), Display.text(location.get("overflow_location1"), names),
                        Display.text(location.get("overflow_location2"), names)));
            }
        }
        List<List<String>> overflowNodes = new ArrayList<>();
        for (Map<String, Object> node : lookups.all(catalog.configuration(ResourceNames.WORKER_VM),
                Map.of("cloud_bursting", List.of("true")))) {
            overflowNodes.add(List.of(text(node.get("name")), Display.text(node.get("system_location"), names),
                    text(node.get("address")), Display.text(node.get("maintenance_mode"), Map.of())));
        }
        List<Table> tables = List.of(
                new Table("Settings", List.of("Setting", "Value"), settings, ""),
                new Table("Monitored locations", List.of("Location", "Primary overflow location",
                        "Secondary overflow location"), monitored, "No location has an overflow location."),
                new Table("Overflow Conferencing Nodes", List.of("Node", "Location", "Address", "Maintenance mode"),
                        overflowNodes, "No Conferencing Node is an overflow (bursting) node."));
        templates.page(ctx, "tables.jte", "Cloud Bursting", Map.of("tables", tables, "intro",
                "Overflow nodes are to be stopped EC2 instances tagged " + text(global.get("bursting_tag_name"))
                        + "=" + text(global.get("bursting_tag_value")) + ", started when a monitored location's free"
                        + " capacity reaches the threshold. These settings are stored and replicated to the nodes;"
                        + " nothing starts or stops overflow nodes yet.", "refresh", false));
    }


    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
