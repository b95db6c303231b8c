package dev.confab.management.web.views;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.web.views.ResourceView.Column;
import dev.confab.management.web.views.ResourceView.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every list-and-form page of the menu, declared over the catalog's resources. */
public final class ResourceViews {

    private ResourceViews() {
    }

    public static List<ResourceView> all(Catalog catalog) {
        List<ResourceView> views = new ArrayList<>();
        ResourceSpec node = catalog.configuration("worker_vm");
        ResourceSpec nodeStatus = catalog.get("status", "worker_vm");
        views.add(new ResourceView("/status/conferencing-nodes/", "Conferencing Nodes", "Conferencing Node",
                nodeStatus, List.of(Column.field(nodeStatus, "name", "Name"),
                        Column.field(nodeStatus, "system_location", "System location"),
                        Column.field(nodeStatus, "node_type", "Role"),
                        never(nodeStatus, "last_attempted_contact", "Last contacted"),
                        never(nodeStatus, "last_updated", "Last updated"),
                        Column.field(nodeStatus, "sync_status", "Sync status"),
                        Column.field(nodeStatus, "media_load", "Media load (%)"),
                        Column.field(nodeStatus, "max_hd_calls", "HD capacity"),
                        Column.field(nodeStatus, "version", "Version"),
                        Column.field(nodeStatus, "maintenance_mode", "Maintenance mode"),
                        Column.field(nodeStatus, "maintenance_mode_reason", "Maintenance reason")),
                Map.of(), List.of(), false, false));
        ResourceSpec alarm = catalog.get("status", "alarm");
        views.add(readOnly("/status/alarms/", "Alarms", alarm, "time_raised", "name", "level", "node", "details",
                "acknowledged"));
        views.add(PlatformViews.global(catalog.configuration("global")));
        views.add(PlatformViews.locations(catalog.configuration("system_location")));
        views.add(PlatformViews.nodes(node));
        views.add(simple("/platform/licences/", "Licences", catalog.configuration("licence"),
                "fulfillment_id", "description", "concurrent", "audio", "start_date", "expiration_date", "status"));
        views.add(simple("/platform/management-node/", "Management Node", catalog.configuration("management_vm")));
        views.add(simple("/system/dns-servers/", "DNS Servers", catalog.configuration("dns_server"),
                "address", "description"));
        views.add(simple("/system/ntp-servers/", "NTP Servers", catalog.configuration("ntp_server"),
                "address", "description", "key_id"));
        views.add(simple("/system/static-routes/", "Static Routes", catalog.configuration("static_route"),
                "name", "address", "prefix", "gateway"));
        ResourceSpec conference = catalog.configuration("conference");
        views.add(PlatformViews.services("/services/virtual-meeting-rooms/", "Virtual Meeting Rooms",
                "Virtual Meeting Room", conference, "conference"));
        views.add(PlatformViews.services("/services/virtual-auditoriums/", "Virtual Auditoriums",
                "Virtual Auditorium", conference, "lecture"));
        views.add(simple("/services/aliases/", "Aliases", catalog.configuration("conference_alias"),
                "alias", "conference", "description"));
        views.add(simple("/certificates/tls-certificates/", "TLS Certificates", catalog.configuration("tls_certificate"),
                "subject_name", "issuer_name", "end_date", "subject_alt_names"));
        views.add(readOnly("/history/administrator-log/", "Administrator Log", catalog.get("history", "admin_log"),
                "time", "user", "address", "action", "resource", "object_name", "details", "revision"));
        views.add(readOnly("/history/alarm-history/", "Alarm History", catalog.get("history", "alarm"),
                "time_raised", "time_cleared", "name", "level", "node", "details"));
        views.add(readOnly("/history/conferencing-node-history/", "Conferencing Node History",
                catalog.get("history", "workervm_status_event"), "time_changed", "event_type",
                "workervm_configuration_name", "workervm_configuration_location_name", "workervm_address", "state",
                "details"));
        return List.copyOf(views);
    }

    /** A time column that reads "Never" until the time is set, as the deployment guide's status pages do. */
    static Column never(ResourceSpec spec, String field, String label) {
        return new Column(label, field, object -> object.get(field) == null ? "Never" : object.get(field));
    }

    /** A writable resource listed with the given columns and a form of all its fields. */
    static ResourceView simple(String href, String title, ResourceSpec spec, String... columns) {
        return new ResourceView(href, title, spec.title(), spec, columns(spec, columns), Map.of(), List.of(),
                true, false);
    }

    private static ResourceView readOnly(String href, String title, ResourceSpec spec, String... columns) {
        return new ResourceView(href, title, spec.title(), spec, columns(spec, columns), Map.of(), List.of(),
                false, false);
    }

    static List<Column> columns(ResourceSpec spec, String... fields) {
        List<Column> columns = new ArrayList<>();
        for (String field : fields) {
            columns.add(Column.field(spec, field, Labels.of(field)));
        }
        return columns;
    }

    static Section section(String title, String... fields) {
        return new Section(title, List.of(fields));
    }
}
