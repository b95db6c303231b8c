package dev.confab.management.resource;

import dev.confab.management.store.Times;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration object as the engine stores it (storage form: text, whole numbers, booleans,
 * ids of related objects, lists of ids), read by field name. The typed records of the catalog are
 * made from it, each in one factory, so that no other code reads a row by name. Immutable.
 */
public final class StoredRow {

    private final Map<String, Object> values;

    /** {@code values}: every stored field of one object, with its id, in storage form. */
    public StoredRow(Map<String, Object> values) {
        this.values = Map.copyOf(values.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public long id() {
        return number("id");
    }

    /** A text field; "" when it is null. */
    public String text(String field) {
        Object value = values.get(field);
        return value == null ? "" : value.toString();
    }

    /** A nullable text field: empty when null or blank. */
    public Optional<String> optionalText(String field) {
        return Optional.of(text(field)).filter(text -> !text.isBlank());
    }

    /** A whole-number field that is never null (a required reference, or one with a default). */
    public long number(String field) {
        Object value = values.get(field);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("The stored field " + field + " holds no number: " + value);
        }
        return number.longValue();
    }

    /** As {@link #number}, for fields whose range fits an int. */
    public int integer(String field) {
        return Math.toIntExact(number(field));
    }

    /** A nullable whole-number field or reference. */
    public Optional<Long> optionalNumber(String field) {
        return values.get(field) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** As {@link #optionalNumber}, for fields whose range fits an int. */
    public Optional<Integer> optionalInteger(String field) {
        return optionalNumber(field).map(Math::toIntExact);
    }

    /** A boolean field (stored as 0/1 or as a boolean). */
    public boolean flag(String field) {
        Object value = values.get(field);
        return value instanceof Boolean flag ? flag : value instanceof Number number && number.longValue() != 0;
    }

    /** A nullable time field in the API's format. */
    public Optional<Instant> optionalTime(String field) {
        return optionalText(field).map(Times::parse);
    }

    /** The ids of a list field, in order. */
    public List<Long> ids(String field) {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(id -> ((Number) id).longValue()).toList();
    }
}
