package dev.confab.management.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An object about to be written: its id (null on create), its values in storage form (strings,
 * longs, booleans, ids of related objects, lists of ids) and which fields the request named.
 * Not thread-safe; lives for one write.
 */
public final class Candidate {

    private final ResourceSpec spec;
    private final Long id;
    private final Map<String, Object> values;
    private final Map<String, Object> previous;
    private final Set<String> given;

    public Candidate(ResourceSpec spec, Long id, Map<String, Object> values, Map<String, Object> previous,
                     Set<String> given) {
        this.spec = spec;
        this.id = id;
        this.values = new LinkedHashMap<>(values);
        this.previous = previous == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        this.given = Set.copyOf(given);
    }

    public ResourceSpec spec() { return spec; }
    public Long id() { return id; }
    public boolean isNew() { return id == null; }
    public Map<String, Object> values() { return values; }
    /** The stored values before this write; empty on create. */
    public Map<String, Object> previous() { return previous; }
    /** Whether the request named this field. */
    public boolean given(String field) { return given.contains(field); }

    public Object get(String field) { return values.get(field); }
    public void put(String field, Object value) { values.put(field, value); }

    /** The value as a string, "" for null. */
    public String text(String field) {
        Object value = values.get(field);
        return value == null ? "" : value.toString();
    }

    public Long number(String field) {
        Object value = values.get(field);
        return value == null ? null : ((Number) value).longValue();
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    /** Whether the field's value differs from the stored one (always true on create). */
    public boolean changed(String field) {
        return isNew() || !Objects.equals(values.get(field), previous.get(field));
    }
}
