package dev.confab.management.resource.catalog;

/**
 * The help text of a field Confab keeps for the reference's scripts but does not act on yet: what
 * the field is, and that it is only stored, in the same words everywhere.
 */
final class StoredOnly {

    private StoredOnly() {
    }

    /** {@code what} the field is, followed by the sentence that says it is stored only. */
    static String help(String what) {
        return what + " Confab stores it (API and administrator interface) but does not act on it yet.";
    }
}
