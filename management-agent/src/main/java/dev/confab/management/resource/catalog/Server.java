package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/**
 * A DNS or NTP server ({@code dns_server}, {@code ntp_server}) of a location, as its nodes are told
 * of it: the address and description (an NTP server's sealed key stays in the store). Immutable.
 */
public record Server(long id, String address, String description) {

    /** The server as the engine stored it. */
    public static Server of(StoredRow row) {
        return new Server(row.id(), row.text("address"), row.text("description"));
    }
}
