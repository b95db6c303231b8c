package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.PlainText;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.management.store.Times;
import dev.confab.shared.crypto.ShaCrypt;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts request values (JSON values, or form strings) into storage form and checks each field
 * on its own: type, null, characters, length, choices, range, syntax. One instance per catalog;
 * thread-safe.
 */
final class InputReader {

    private final boolean loopbackNodes;

    /** {@code loopbackNodes}: whether node addresses on 127.0.0.0/8 are accepted ({@link Format#problem}). */
    InputReader(boolean loopbackNodes) {
        this.loopbackNodes = loopbackNodes;
    }

    private static final Pattern URI = Pattern.compile("/api/admin/configuration/v1/([a-z_]+)/(\\d+)/?");

    /** Converts one given value, or records why it cannot be; returns the storage form. */
    Object convert(FieldSpec field, Object raw, StoreView store, FieldErrors errors) {
        if (raw == null || (raw instanceof String text && text.isBlank() && field.type() != FieldSpec.Type.STRING)) {
            return field.type() == FieldSpec.Type.RELATED_LIST ? List.of() : null;
        }
        return switch (field.type()) {
            case STRING -> raw instanceof String text ? choice(field, text(field, text, errors)) : wrong(field, errors,
                    "a string");
            case INTEGER -> integer(field, raw, errors);
            case BOOLEAN -> bool(field, raw, errors);
            case DATETIME -> datetime(field, raw, errors);
            case RELATED -> related(field, raw, store, errors);
            case RELATED_LIST -> relatedList(field, raw, store, errors);
            case NESTED_LIST -> raw;
        };
    }

    /**
     * A choice as the field spells it, whatever the case it was given in ({@code global} is
     * {@code GLOBAL}); blank is the field's default, as a client that sends every field blank
     * unless set means it.
     */
    private static Object choice(FieldSpec field, Object text) {
        if (field.choices().isEmpty() || !(text instanceof String value)) {
            return text;
        }
        if (value.isEmpty()) {
            return field.defaultValue();
        }
        return field.choices().stream().filter(choice -> choice.equalsIgnoreCase(value)).findFirst().orElse(value);
    }

    /** Checks a field's final value (after defaults and merging) against its limits. */
    void check(FieldSpec field, Object value, FieldErrors errors) {
        if (errors.has(field.name())) {
            return;
        }
        boolean empty = value == null || (value instanceof String text && text.isEmpty());
        if (empty) {
            if (field.isRequired() || (value == null && !field.isNullable() && field.type() != FieldSpec.Type.STRING
                    && field.type() != FieldSpec.Type.RELATED_LIST)) {
                errors.add(field.name(), "This field is required.");
            }
            return;
        }
        if (value instanceof String text) {
            if (field.maxLength() != null && text.length() > field.maxLength()) {
                errors.add(field.name(), "At most " + field.maxLength() + " characters (this has " + text.length() + ").");
            } else if (field.minLength() != null && text.length() < field.minLength()) {
                errors.add(field.name(), "At least " + field.minLength() + " characters (this has " + text.length()
                        + ").");
            } else if (!field.choices().isEmpty() && !field.choices().contains(text)) {
                errors.add(field.name(), "\"" + text + "\" is not one of " + String.join(", ", field.choices()) + ".");
            } else if (field.format().problem(text, loopbackNodes) != null) {
                errors.add(field.name(), field.format().problem(text, loopbackNodes));
            } else if (field.secretKind() == FieldSpec.Secret.SHA512_CRYPT && text.startsWith("$")
                    && !ShaCrypt.isSha512Crypt(text)) {
                errors.add(field.name(), "A value that starts with $ is taken as a SHA-512 crypt hash, and this one"
                        + " is not well-formed: give $6$[rounds=N$]salt$ and the 86-character hash, or a password"
                        + " that does not start with $.");
            }
        }
        if (value instanceof Long number) {
            if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
                errors.add(field.name(), "Enter a number from " + field.min() + " to " + field.max() + ".");
            }
        }
    }

    /** The text without surrounding spaces, once it is known to hold printable text only. */
    private static Object text(FieldSpec field, String text, FieldErrors errors) {
        String problem = PlainText.problem(field.name(), text, field.isMultiLine());
        if (problem != null) {
            errors.add(field.name(), problem);
            return null;
        }
        return text.strip();
    }

    private static Object wrong(FieldSpec field, FieldErrors errors, String expected) {
        errors.add(field.name(), "Expected " + expected + ".");
        return null;
    }

    private static Object integer(FieldSpec field, Object raw, FieldErrors errors) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return wrong(field, errors, "a whole number");
            }
        }
        return wrong(field, errors, "a whole number");
    }

    private static Object bool(FieldSpec field, Object raw, FieldErrors errors) {
        if (raw instanceof Boolean flag) {
            return flag;
        }
        if (raw instanceof String text) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "yes", "1" -> { return true; }
                case "false", "off", "no", "0" -> { return false; }
                default -> { }
            }
        }
        return wrong(field, errors, "true or false");
    }

    private static Object datetime(FieldSpec field, Object raw, FieldErrors errors) {
        if (raw instanceof String text) {
            try {
                return Times.format(Times.parse(text.strip()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        return wrong(field, errors, "a UTC time such as 2026-01-31T12:00:00");
    }

    private static Object related(FieldSpec field, Object raw, StoreView store, FieldErrors errors) {
        Long id = idOf(field, raw);
        if (id == null) {
            return wrong(field, errors, "the URI of a " + field.relatedResource() + ", such as /api/admin/configuration/v1/"
                    + field.relatedResource() + "/1/");
        }
        if (store.find(field.relatedResource(), id).isEmpty()) {
            errors.add(field.name(), "There is no " + field.relatedResource() + " with id " + id
                    + ": use the resource_uri of an existing one.");
            return null;
        }
        return id;
    }

    private static Object relatedList(FieldSpec field, Object raw, StoreView store, FieldErrors errors) {
        if (!(raw instanceof List<?> items)) {
            return wrong(field, errors, "a list of " + field.relatedResource() + " URIs");
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : items) {
            Object id = related(field, item, store, errors);
            if (id == null) {
                return null;
            }
            if (ids.contains(id)) {
                errors.add(field.name(), "The list names " + field.relatedResource() + " " + id + " twice.");
                return null;
            }
            ids.add((Long) id);
        }
        return ids;
    }

    /** The id in a related value: a URI of the right resource, an id number, or a digit string. */
    static Long idOf(FieldSpec field, Object raw) {
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Map<?, ?> map && map.get("resource_uri") instanceof String uri) {
            raw = uri;
        }
        if (raw instanceof String text) {
            String value = text.strip();
            if (value.matches("\\d{1,18}")) {
                return Long.parseLong(value);
            }
            Matcher matcher = URI.matcher(value);
            if (matcher.matches() && matcher.group(1).equals(field.relatedResource())) {
                return Long.parseLong(matcher.group(2));
            }
        }
        return null;
    }

    /** Storage form of a filter value for a column, for list queries. */
    static Object filterValue(ResourceSpec spec, String fieldName, String text) {
        if (fieldName.equals("id")) {
            return parseLongOrText(text);
        }
        FieldSpec field = spec.fields().get(fieldName);
        return switch (field.type()) {
            case BOOLEAN -> text.equalsIgnoreCase("true") || text.equals("1") ? 1 : 0;
            case INTEGER -> parseLongOrText(text);
            case RELATED -> {
                Long id = idOf(field, text);
                yield id == null ? -1L : id;
            }
            default -> text;
        };
    }

    private static Object parseLongOrText(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
