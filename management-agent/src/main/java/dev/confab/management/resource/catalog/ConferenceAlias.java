package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

/** A dialable alias of a conference ({@code conference_alias}) as stored. Immutable. */
public record ConferenceAlias(long id, String alias, long conference, String description) {

    /** The alias as the engine stored it. */
    public static ConferenceAlias of(StoredRow row) {
        return new ConferenceAlias(row.id(), row.text("alias"), row.number("conference"), row.text("description"));
    }
}
