package dev.confab.management.resource;

import dev.confab.management.ManagementException;

import java.util.Map;

/** A write refused because of its input (HTTP 400); names the offending fields and what to fix. */
public final class ValidationException extends ManagementException {

    private final Map<String, String> fields;

    public ValidationException(String message, Map<String, String> fields) {
        super(message);
        this.fields = Map.copyOf(fields);
    }

    public ValidationException(String message) {
        this(message, Map.of());
    }

    public Map<String, String> fields() {
        return fields;
    }
}
