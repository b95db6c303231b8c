package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/** A static route of a node ({@code static_route}) as stored. Immutable. */
public record StaticRoute(long id, String name, String address, int prefix, String gateway) {

    /** The route as the engine stored it. */
    public static StaticRoute of(StoredRow row) {
        return new StaticRoute(row.id(), row.text("name"), row.text("address"), row.integer("prefix"),
                row.text("gateway"));
    }
}
