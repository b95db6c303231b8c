package dev.confab.management.resource;

import java.util.List;
import java.util.Map;

/**
 * The checks and derivations of one resource that go beyond single-field syntax: cross-field and
 * cross-object rules of the deployment guide. Called inside the write transaction, so what a rule
 * reads through the {@link StoreView} is what the write will commit against. Implementations are
 * stateless and thread-safe.
 */
public interface ResourceRules {

    /**
     * Turns what the request gave in fields that are not kept ({@link FieldSpec#alias()}) into the
     * fields that are, before any check.
     */
    default void prepare(Candidate candidate) {
    }

    /**
     * Checks a candidate object (field values in storage form, after defaults and single-field
     * checks) and adds an error per offending field.
     */
    default void check(Candidate candidate, StoreView store, FieldErrors errors) {
    }

    /**
     * Fills fields derived from others before the object is stored, e.g. the subject of a
     * certificate. Runs only when {@link #check} found nothing wrong.
     */
    default void derive(Candidate candidate, StoreView store) {
    }

    /** Adds computed read-only values to an object about to be rendered. */
    default void render(Map<String, Object> values, StoreView store) {
    }

    /**
     * Adds computed read-only values to the objects of one list page. Override it, reading for
     * the whole page at once, where {@link #render} would query once per object.
     */
    default void renderPage(List<Map<String, Object>> objects, StoreView store) {
        objects.forEach(values -> render(values, store));
    }

    /**
     * Writes what lives outside the resource's own table (nested objects), after the object's row
     * is stored and its id known.
     */
    default void afterWrite(long id, Candidate candidate, StoreView store) {
    }
}
