package dev.confab.management.web.views;

import java.util.List;

/** The administrator interface's menu, in the deployment guide's words and order. */
public final class Menu {

    /** One page of the menu. */
    public record Item(String title, String href) {
    }

    /** One heading of the menu with its pages. */
    public record Section(String title, List<Item> items) {
    }

    public static final List<Section> SECTIONS = List.of(
            new Section("Status", List.of(
                    new Item("Conferencing Nodes", "/status/conferencing-nodes/"),
                    new Item("Alarms", "/status/alarms/"),
                    new Item("Live View", "/status/live-view/"),
                    new Item("Cloud Bursting", "/status/cloud-bursting/"),
                    new Item("Cloud Bursting › Plan", "/status/cloud-bursting/plan/"))),
            new Section("Platform", List.of(
                    new Item("Global Settings", "/platform/global-settings/"),
                    new Item("Locations", "/platform/locations/"),
                    new Item("Bursting Schedules", "/platform/bursting-schedules/"),
                    new Item("Conferencing Nodes", "/platform/conferencing-nodes/"),
                    new Item("Licences", "/platform/licences/"),
                    new Item("Management Node", "/platform/management-node/"),
                    new Item("SSH Authorized Keys", "/platform/ssh-authorized-keys/"))),
            new Section("System", List.of(
                    new Item("DNS Servers", "/system/dns-servers/"),
                    new Item("NTP Servers", "/system/ntp-servers/"),
                    new Item("Static Routes", "/system/static-routes/"),
                    new Item("Syslog Servers", "/system/syslog-servers/"),
                    new Item("SNMP Management Systems", "/system/snmp-management-systems/"),
                    new Item("Web Proxies", "/system/web-proxies/"),
                    new Item("Event Sinks", "/system/event-sinks/"))),
            new Section("Call Control", List.of(
                    new Item("H.323 Gatekeepers", "/call-control/h323-gatekeepers/"),
                    new Item("SIP Proxies", "/call-control/sip-proxies/"),
                    new Item("Microsoft SIP Proxies", "/call-control/microsoft-sip-proxies/"),
                    new Item("Teams Connectors", "/call-control/teams-connectors/"),
                    new Item("Policy Servers", "/call-control/policy-servers/"),
                    new Item("STUN Servers", "/call-control/stun-servers/"),
                    new Item("TURN Servers", "/call-control/turn-servers/"))),
            new Section("Services", List.of(
                    new Item("Virtual Meeting Rooms", "/services/virtual-meeting-rooms/"),
                    new Item("Virtual Auditoriums", "/services/virtual-auditoriums/"),
                    new Item("Aliases", "/services/aliases/"))),
            new Section("Certificates", List.of(
                    new Item("TLS Certificates", "/certificates/tls-certificates/"))),
            new Section("History & Logs", List.of(
                    new Item("Administrator Log", "/history/administrator-log/"),
                    new Item("Alarm History", "/history/alarm-history/"),
                    new Item("Conferencing Node History", "/history/conferencing-node-history/"))));

    /** The page every login lands on. */
    public static final String HOME = "/status/conferencing-nodes/";

    private Menu() {
    }
}
