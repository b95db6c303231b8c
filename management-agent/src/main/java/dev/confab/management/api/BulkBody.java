package dev.confab.management.api;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.engine.ConfigurationService.BulkObject;
import dev.confab.management.resource.engine.IgnoredFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a bulk {@code PATCH} of a list, as the reference takes it:
 * {@code {"objects": [{...}, ...], "deleted_objects": ["<uri>", ...]}}. An object with a
 * {@code resource_uri} (or an {@code id}) of the list's resource changes that object, one without
 * creates one; {@code deleted_objects} lists objects to delete by URI (or id). Immutable.
 *
 * @param ignored the names the request gives that the write ignores, for {@link IgnoredFieldsHeader}
 */
record BulkBody(List<BulkObject> objects, List<Long> deletions, List<String> ignored) {

    private static final Set<String> KEYS = Set.of("objects", "deleted_objects");
    private static final Set<String> IDENTITY = Set.of("id", "resource_uri");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    /** Reads {@code body} for a list of {@code spec}; a body that is not of that shape is refused with 400. */
    static BulkBody of(ResourceSpec spec, Map<String, Object> body) {
        if (body.keySet().stream().noneMatch(KEYS::contains)) {
            throw new ValidationException("A PATCH of a list takes {\"objects\": [...], \"deleted_objects\": [...]}:"
                    + " objects to create (without resource_uri) or change (with it), and URIs of objects to delete.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>(body.keySet().stream().filter(key -> !KEYS.contains(key)).toList());
        List<BulkObject> objects = new ArrayList<>();
        List<?> given = list(body, "objects", errors);
        for (int i = 0; i < given.size(); i++) {
            String item = "objects[" + i + "]";
            if (!(given.get(i) instanceof Map<?, ?> map)) {
                errors.put(item, "Each object is a JSON object of fields.");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> input = (Map<String, Object>) map;
            Long id = identity(spec, input, item, errors);
            objects.add(new BulkObject(id, input));
            IgnoredFields.in(spec, input).stream().filter(name -> !IDENTITY.contains(name) && !ignored.contains(name))
                    .forEach(ignored::add);
        }
        List<Long> deletions = new ArrayList<>();
        List<?> uris = list(body, "deleted_objects", errors);
        for (int i = 0; i < uris.size(); i++) {
            Long id = id(spec, uris.get(i));
            if (id == null) {
                errors.put("deleted_objects[" + i + "]", "Give the resource_uri of a " + spec.name() + ", such as "
                        + spec.uri(1) + ".");
            } else {
                deletions.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The bulk request was not applied: correct the items listed. Nothing of"
                    + " this request was saved.", errors);
        }
        return new BulkBody(List.copyOf(objects), List.copyOf(deletions), List.copyOf(ignored));
    }

    private static List<?> list(Map<String, Object> body, String key, Map<String, String> errors) {
        Object value = body.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return items;
        }
        errors.put(key, key + " is a JSON array.");
        return List.of();
    }

    /** The id of the object an item changes (its resource_uri, else its id), or null when it creates one. */
    private static Long identity(ResourceSpec spec, Map<String, Object> input, String item, Map<String, String> errors) {
        for (String key : List.of("resource_uri", "id")) {
            Object value = input.get(key);
            if (value != null) {
                Long id = id(spec, value);
                if (id == null) {
                    errors.put(item + "." + key, "Give the " + key + " of a " + spec.name() + " to change, such as "
                            + (key.equals("id") ? "1" : spec.uri(1)) + ", or leave it out to create one.");
                }
                return id;
            }
        }
        return null;
    }

    /** The id in a URI of an object of {@code spec}, or in an id (number or digits); null if it is neither. */
    static Long id(ResourceSpec spec, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            long id = ((Number) value).longValue();
            return id > 0 ? id : null;
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String digits = text.startsWith(spec.listUri()) ? stripSlash(text.substring(spec.listUri().length())) : text;
        Matcher matcher = ID.matcher(digits);
        return matcher.matches() ? Long.parseLong(digits) : null;
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
