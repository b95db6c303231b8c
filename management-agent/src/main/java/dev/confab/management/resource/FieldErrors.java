package dev.confab.management.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects one message per offending field; the first message for a field wins. Not thread-safe. */
public final class FieldErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byField);
    }

    /** Throws a {@link ValidationException} naming every offending field, if there is any. */
    public void throwIfAny(String title) {
        if (!byField.isEmpty()) {
            throw new ValidationException(
                    "The " + title + " was not saved: correct the fields listed and try again.",
                    new LinkedHashMap<>(byField));
        }
    }
}
