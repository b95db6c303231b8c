package dev.confab.management.resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What rules may read of the store, inside the current transaction. Values are in storage form.
 * Not thread-safe: bound to one transaction.
 */
public interface StoreView {

    Optional<Map<String, Object>> find(String resource, long id);

    /** Every object of {@code resource}, by id. */
    List<Map<String, Object>> all(String resource);

    /** Objects of {@code resource} whose column {@code field} equals {@code value}. */
    List<Map<String, Object>> findBy(String resource, String field, Object value);

    /** Objects of {@code resource} whose column {@code field} is one of {@code values}. */
    List<Map<String, Object>> findIn(String resource, String field, List<?> values);

    /**
     * The first object (other than {@code excludeId}) whose {@code field} equals {@code value} and
     * whose {@code differentField} differs from {@code differentValue}.
     */
    Optional<Map<String, Object>> findFirstDiffering(String resource, String field, Object value,
                                                     String differentField, Object differentValue, long excludeId);

    /** Ids listed in a list field of one object, in order. */
    List<Long> listIds(String resource, String field, long ownerId);

    /** Ids of owners whose list field contains {@code targetId}. */
    List<Long> listOwners(String resource, String field, long targetId);

    /** A secret sealed for storage, opened again; rules use it to compare or reuse keys. */
    String openSecret(String sealed);

    /** Seals a secret for storage. */
    String sealSecret(String plain);

    /** Writes nested objects of another resource (e.g. a conference's aliases) in this transaction. */
    NestedWriter nested();

    /** Writes nested objects without their own API round trip. */
    interface NestedWriter {
        long insert(String resource, Map<String, Object> values);

        void deleteWhere(String resource, String field, Object value);
    }
}
