package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** {@code system_location}: a group of nodes with its DNS/NTP servers and overflow locations. */
final class SystemLocations implements ResourceRules {

    static final String NAME = ResourceNames.SYSTEM_LOCATION;
    private static final String[] OVERFLOWS = {"overflow_location1", "overflow_location2"};

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "System location")
                .field(FieldSpec.string("name").required().unique().maxLength(250)
                        .help("The name of this location, unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the location."))
                .field(FieldSpec.integer("mtu").defaultValue(1500L).range(512, 1500)
                        .help("Maximum transmission unit of the nodes' network interface."))
                .field(FieldSpec.relatedList("dns_servers", ResourceNames.DNS_SERVER).whole()
                        .help("DNS servers used by Conferencing Nodes in this location."))
                .field(FieldSpec.relatedList("ntp_servers", ResourceNames.NTP_SERVER).whole()
                        .help("NTP servers used by Conferencing Nodes in this location."))
                .field(FieldSpec.related("overflow_location1", NAME).nullable()
                        .help("Primary overflow location: takes the media of calls received here when this location"
                                + " (or its transcoding location) has no room; also an IPsec peer of this location's"
                                + " proxying edge nodes."))
                .field(FieldSpec.related("overflow_location2", NAME).nullable()
                        .help("Secondary overflow location: takes the media of calls received here when this and the"
                                + " primary overflow location have no room; an IPsec peer as the primary is."))
                .field(FieldSpec.related("transcoding_location", NAME).nullable()
                        .help("Location whose transcoding nodes handle media for proxying edge nodes here."))
                .field(FieldSpec.integer("media_qos").nullable().range(0, 63)
                        .help(StoredOnly.help("DSCP value (0 to 63) of the media the location's nodes send.")))
                .field(FieldSpec.integer("signalling_qos").nullable().range(0, 63)
                        .help(StoredOnly.help("DSCP value (0 to 63) of the signalling the location's nodes send.")))
                .field(FieldSpec.string("local_mssip_domain").maxLength(255).format(Format.DOMAIN)
                        .help(StoredOnly.help("The Microsoft SIP domain of this location.")))
                .field(FieldSpec.relatedList("syslog_servers", ResourceNames.SYSLOG_SERVER).whole()
                        .help(StoredOnly.help("Remote syslog servers of the location's nodes.")))
                .field(FieldSpec.relatedList("event_sinks", ResourceNames.EVENT_SINK).whole()
                        .help(StoredOnly.help("Event sinks the location's nodes send events to.")))
                .field(FieldSpec.related("h323_gatekeeper", ResourceNames.H323_GATEKEEPER).nullable()
                        .help(StoredOnly.help("H.323 gatekeeper for calls placed from this location.")))
                .field(FieldSpec.related("sip_proxy", ResourceNames.SIP_PROXY).nullable()
                        .help(StoredOnly.help("SIP proxy for calls placed from this location.")))
                .field(FieldSpec.related("mssip_proxy", ResourceNames.MSSIP_PROXY).nullable()
                        .help(StoredOnly.help("Microsoft SIP proxy for calls placed from this location.")))
                .field(FieldSpec.related("teams_proxy", ResourceNames.TEAMS_PROXY).nullable()
                        .help(StoredOnly.help("Microsoft Teams connector for calls placed from this location.")))
                .field(FieldSpec.related("http_proxy", ResourceNames.HTTP_PROXY).nullable()
                        .help(StoredOnly.help("Web proxy the location's nodes reach the internet through.")))
                .field(FieldSpec.related("snmp_network_management_system", ResourceNames.SNMP_NETWORK_MANAGEMENT_SYSTEM)
                        .nullable().help(StoredOnly.help("SNMP system that receives the location's nodes' traps.")))
                .field(FieldSpec.related("stun_server", ResourceNames.STUN_SERVER).nullable()
                        .help(StoredOnly.help("STUN server the location's nodes use.")))
                .field(FieldSpec.related("turn_server", ResourceNames.TURN_SERVER).nullable()
                        .help(StoredOnly.help("TURN server the location's nodes use.")))
                .field(FieldSpec.relatedList("client_stun_servers", ResourceNames.STUN_SERVER).whole()
                        .help(StoredOnly.help("STUN servers offered to clients in this location.")))
                .field(FieldSpec.relatedList("client_turn_servers", ResourceNames.TURN_SERVER).whole()
                        .help(StoredOnly.help("TURN servers offered to clients in this location.")))
                .field(FieldSpec.bool("use_relay_candidates_only", false)
                        .help(StoredOnly.help("Offer clients only relayed (TURN) media candidates; needs a TURN"
                                + " server.")))
                .field(FieldSpec.related("policy_server", ResourceNames.POLICY_SERVER).nullable()
                        .help(StoredOnly.help("External policy server for this location.")))
                .rules(new SystemLocations())
                .defaultOrder("name")
                .build();
    }

    @Override
    public void check(Candidate candidate, StoreView store, FieldErrors errors) {
        if (candidate.flag("use_relay_candidates_only") && candidate.number("turn_server") == null) {
            errors.add("use_relay_candidates_only", "Relay candidates come from a TURN server: set turn_server first.");
        }
        Long first = candidate.number("overflow_location1");
        Long second = candidate.number("overflow_location2");
        for (String field : OVERFLOWS) {
            Long target = candidate.number(field);
            if (target != null && Objects.equals(target, candidate.id())) {
                errors.add(field, "A location cannot overflow to itself: choose another location.");
            }
        }
        if (first != null && first.equals(second)) {
            errors.add("overflow_location2", "The secondary overflow location must differ from the primary one.");
        }
        if (second != null && first == null) {
            errors.add("overflow_location1", "Set a primary overflow location before a secondary one.");
        }
        if (candidate.id() != null && !errors.has("overflow_location1") && !errors.has("overflow_location2")) {
            String cycle = cycleThrough(candidate, store);
            if (cycle != null) {
                errors.add(first != null && reaches(first, candidate.id(), store) ? "overflow_location1"
                        : "overflow_location2", "These overflow locations form a cycle (" + cycle
                        + "): a location's overflow must never lead back to it.");
            }
        }
    }

    /** Returns the name path of a cycle through the candidate, or null when there is none. */
    private static String cycleThrough(Candidate candidate, StoreView store) {
        for (String field : OVERFLOWS) {
            Long target = candidate.number(field);
            if (target != null && reaches(target, candidate.id(), store)) {
                return candidate.text("name") + " → " + nameOf(target, store) + " → … → " + candidate.text("name");
            }
        }
        return null;
    }

    private static boolean reaches(long from, long goal, StoreView store) {
        Deque<Long> pending = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        pending.push(from);
        while (!pending.isEmpty()) {
            long current = pending.pop();
            if (current == goal) {
                return true;
            }
            if (!seen.add(current)) {
                continue;
            }
            store.find(NAME, current).ifPresent(row -> {
                for (String field : OVERFLOWS) {
                    if (row.get(field) instanceof Number next) {
                        pending.push(next.longValue());
                    }
                }
            });
        }
        return false;
    }

    private static String nameOf(long id, StoreView store) {
        return store.find(NAME, id).map(row -> String.valueOf(row.get("name"))).orElse("#" + id);
    }
}
