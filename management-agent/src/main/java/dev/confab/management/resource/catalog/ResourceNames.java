package dev.confab.management.resource.catalog;

/**
 * The names of the management API's resources, which are also their tables and URI segments. Code
 * outside a resource's own declaration names a resource through these constants, so that a search
 * for one finds every place that reads or reacts to it.
 */
public final class ResourceNames {

    /** A Conferencing Node ({@code configuration/worker_vm}); also its status, {@code status/worker_vm}. */
    public static final String WORKER_VM = "worker_vm";
    /** A system location; also its status, {@code status/system_location}. */
    public static final String SYSTEM_LOCATION = "system_location";
    /** The Management Node itself (one object). */
    public static final String MANAGEMENT_VM = "management_vm";
    /** The platform-wide settings (one object). */
    public static final String GLOBAL = "global";
    /** A Virtual Meeting Room or Virtual Auditorium; also those in progress and ended ({@code status/conference}, {@code history/conference}). */
    public static final String CONFERENCE = "conference";
    /** An alias of a conference. */
    public static final String CONFERENCE_ALIAS = "conference_alias";
    public static final String LICENCE = "licence";
    /** Licences in all and in use ({@code status/licensing}). */
    public static final String LICENSING = "licensing";
    public static final String DNS_SERVER = "dns_server";
    public static final String NTP_SERVER = "ntp_server";
    public static final String STATIC_ROUTE = "static_route";
    public static final String TLS_CERTIFICATE = "tls_certificate";
    /** An SSH public key that may log in to nodes as admin. */
    public static final String SSH_AUTHORIZED_KEY = "ssh_authorized_key";
    public static final String SYSLOG_SERVER = "syslog_server";
    /** A web proxy the nodes of a location reach the internet through. */
    public static final String HTTP_PROXY = "http_proxy";
    /** A URL that receives the platform's events. */
    public static final String EVENT_SINK = "event_sink";
    public static final String STUN_SERVER = "stun_server";
    public static final String BURSTING_SCHEDULE = "bursting_schedule";
    public static final String TURN_SERVER = "turn_server";
    /** An external policy server that decides on services, participants and media locations. */
    public static final String POLICY_SERVER = "policy_server";
    public static final String SIP_PROXY = "sip_proxy";
    /** A Microsoft SIP (Skype for Business, Lync) proxy. */
    public static final String MSSIP_PROXY = "mssip_proxy";
    public static final String H323_GATEKEEPER = "h323_gatekeeper";
    /** A Microsoft Teams connector. */
    public static final String TEAMS_PROXY = "teams_proxy";
    /** An SNMP network management system that receives traps. */
    public static final String SNMP_NETWORK_MANAGEMENT_SYSTEM = "snmp_network_management_system";
    /** Active alarms ({@code status/alarm}) and their history ({@code history/alarm}). */
    public static final String ALARM = "alarm";
    /** The administrator log ({@code history/admin_log}). */
    public static final String ADMIN_LOG = "admin_log";
    /** Participants in progress ({@code status/participant}) and ended ({@code history/participant}). */
    public static final String PARTICIPANT = "participant";
    /** The Conferencing Node history ({@code history/workervm_status_event}). */
    public static final String WORKERVM_STATUS_EVENT = "workervm_status_event";
    /** Overflow instances as bursting last found them ({@code status/cloud_node}). */
    public static final String CLOUD_NODE = "cloud_node";
    /** Locations bursting watches for their free capacity ({@code status/cloud_monitored_location}). */
    public static final String CLOUD_MONITORED_LOCATION = "cloud_monitored_location";
    /** Locations that hold overflow nodes ({@code status/cloud_overflow_location}). */
    public static final String CLOUD_OVERFLOW_LOCATION = "cloud_overflow_location";
    /** Bursting's last run as a whole ({@code status/cloud_bursting}, Confab's). */
    public static final String CLOUD_BURSTING = "cloud_bursting";
    /** What bursting's last run remarked on, and what it found wrong ({@code status/cloud_bursting_note}, Confab's). */
    public static final String CLOUD_BURSTING_NOTE = "cloud_bursting_note";

    /** The APIs a resource belongs to. */
    public static final String CONFIGURATION_API = "configuration";
    public static final String STATUS_API = "status";
    public static final String HISTORY_API = "history";

    private ResourceNames() {
    }
}
