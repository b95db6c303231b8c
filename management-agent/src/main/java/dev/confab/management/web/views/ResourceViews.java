package dev.confab.management.web.views;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
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
        ResourceSpec node = catalog.configuration(ResourceNames.WORKER_VM);
        ResourceSpec nodeStatus = catalog.get(ResourceNames.STATUS_API, ResourceNames.WORKER_VM);
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
        ResourceSpec alarm = catalog.get(ResourceNames.STATUS_API, ResourceNames.ALARM);
        views.add(readOnly("/status/alarms/", "Alarms", alarm, "time_raised", "name", "level", "node", "details",
                "acknowledged"));
        views.add(PlatformViews.global(catalog.configuration(ResourceNames.GLOBAL)));
        views.add(PlatformViews.locations(catalog.configuration(ResourceNames.SYSTEM_LOCATION)));
        views.add(PlatformViews.nodes(node));
        views.add(simple("/platform/bursting-schedules/", "Bursting Schedules",
                catalog.configuration(ResourceNames.BURSTING_SCHEDULE), "name", "system_location", "days", "peak_time",
                "time_zone", "nodes"));
        views.add(simple("/platform/licences/", "Licences", catalog.configuration(ResourceNames.LICENCE),
                "fulfillment_id", "description", "concurrent", "audio", "start_date", "expiration_date", "status"));
        views.add(simple("/platform/management-node/", "Management Node", catalog.configuration(ResourceNames.MANAGEMENT_VM)));
        views.add(simple("/system/dns-servers/", "DNS Servers", catalog.configuration(ResourceNames.DNS_SERVER),
                "address", "description"));
        views.add(simple("/system/ntp-servers/", "NTP Servers", catalog.configuration(ResourceNames.NTP_SERVER),
                "address", "description", "key_id"));
        views.add(simple("/system/static-routes/", "Static Routes", catalog.configuration(ResourceNames.STATIC_ROUTE),
                "name", "address", "prefix", "gateway"));
        views.add(simple("/platform/ssh-authorized-keys/", "SSH Authorized Keys",
                catalog.configuration(ResourceNames.SSH_AUTHORIZED_KEY), "comment", "keytype", "nodes"));
        views.add(simple("/system/syslog-servers/", "Syslog Servers", catalog.configuration(ResourceNames.SYSLOG_SERVER),
                "address", "port", "transport", "description"));
        views.add(simple("/system/snmp-management-systems/", "SNMP Management Systems",
                catalog.configuration(ResourceNames.SNMP_NETWORK_MANAGEMENT_SYSTEM), "name", "address", "port"));
        views.add(simple("/system/web-proxies/", "Web Proxies", catalog.configuration(ResourceNames.HTTP_PROXY),
                "name", "address", "port", "protocol"));
        views.add(simple("/system/event-sinks/", "Event Sinks", catalog.configuration(ResourceNames.EVENT_SINK),
                "name", "url", "version"));
        views.add(simple("/call-control/h323-gatekeepers/", "H.323 Gatekeepers",
                catalog.configuration(ResourceNames.H323_GATEKEEPER), "name", "address", "port"));
        views.add(simple("/call-control/sip-proxies/", "SIP Proxies", catalog.configuration(ResourceNames.SIP_PROXY),
                "name", "address", "port", "transport"));
        views.add(simple("/call-control/microsoft-sip-proxies/", "Microsoft SIP Proxies",
                catalog.configuration(ResourceNames.MSSIP_PROXY), "name", "address", "port", "transport"));
        views.add(simple("/call-control/teams-connectors/", "Teams Connectors",
                catalog.configuration(ResourceNames.TEAMS_PROXY), "name", "address", "port"));
        views.add(simple("/call-control/policy-servers/", "Policy Servers",
                catalog.configuration(ResourceNames.POLICY_SERVER), "name", "url", "description"));
        views.add(simple("/call-control/stun-servers/", "STUN Servers", catalog.configuration(ResourceNames.STUN_SERVER),
                "name", "address", "port"));
        views.add(simple("/call-control/turn-servers/", "TURN Servers", catalog.configuration(ResourceNames.TURN_SERVER),
                "name", "address", "port", "transport_type"));
        ResourceSpec conference = catalog.configuration(ResourceNames.CONFERENCE);
        views.add(PlatformViews.services("/services/virtual-meeting-rooms/", "Virtual Meeting Rooms",
                "Virtual Meeting Room", conference, "conference"));
        views.add(PlatformViews.services("/services/virtual-auditoriums/", "Virtual Auditoriums",
                "Virtual Auditorium", conference, "lecture"));
        views.add(simple("/services/aliases/", "Aliases", catalog.configuration(ResourceNames.CONFERENCE_ALIAS),
                "alias", "conference", "description"));
        views.add(simple("/certificates/tls-certificates/", "TLS Certificates", catalog.configuration(ResourceNames.TLS_CERTIFICATE),
                "subject_name", "issuer_name", "end_date", "subject_alt_names"));
        views.add(readOnly("/history/administrator-log/", "Administrator Log", catalog.get(ResourceNames.HISTORY_API, ResourceNames.ADMIN_LOG),
                "time", "user", "address", "action", "resource", "object_name", "details", "revision"));
        views.add(readOnly("/history/alarm-history/", "Alarm History", catalog.get(ResourceNames.HISTORY_API, ResourceNames.ALARM),
                "time_raised", "time_cleared", "name", "level", "node", "details"));
        views.add(readOnly("/history/conferencing-node-history/", "Conferencing Node History",
                catalog.get(ResourceNames.HISTORY_API, ResourceNames.WORKERVM_STATUS_EVENT), "time_changed", "event_type",
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
