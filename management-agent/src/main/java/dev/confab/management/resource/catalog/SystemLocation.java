package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.util.List;
import java.util.Optional;

/**
 * A system location ({@code system_location}) as stored: its nodes' network settings and the
 * locations it overflows to. Immutable.
 *
 * @param dnsServers ids of its {@code dns_server}s, in order
 * @param ntpServers ids of its {@code ntp_server}s, in order
 */
public record SystemLocation(long id, String name, String description, int mtu, List<Long> dnsServers,
                             List<Long> ntpServers, Optional<Long> overflowLocation1,
                             Optional<Long> overflowLocation2, Optional<Long> transcodingLocation) {

    public SystemLocation {
        dnsServers = List.copyOf(dnsServers);
        ntpServers = List.copyOf(ntpServers);
    }

    /** The location as the engine stored it. */
    public static SystemLocation of(StoredRow row) {
        return new SystemLocation(row.id(), row.text("name"), row.text("description"), row.integer("mtu"),
                row.ids("dns_servers"), row.ids("ntp_servers"), row.optionalNumber("overflow_location1"),
                row.optionalNumber("overflow_location2"), row.optionalNumber("transcoding_location"));
    }
}
