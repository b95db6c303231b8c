package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which names in a write's input are ignored, as the reference platform ignores them: names the
 * resource does not have (scripts written for the reference send fields Confab does not keep),
 * read-only and computed fields, and {@code id} and {@code resource_uri} (a script may send back
 * an object it read). An ignored name's value is never read, so it cannot change anything.
 * Stateless; thread-safe.
 */
public final class IgnoredFields {

    private static final Set<String> IDENTITY = Set.of("id", "resource_uri");

    private IgnoredFields() {
    }

    /** Whether a write of {@code spec} ignores the input name {@code name}. */
    public static boolean isIgnored(ResourceSpec spec, String name) {
        FieldSpec field = spec.fields().get(name);
        return IDENTITY.contains(name) || field == null || !field.isWritable();
    }

    /** The names of {@code input} a write of {@code spec} ignores, in the input's order. */
    public static List<String> in(ResourceSpec spec, Map<String, ?> input) {
        return input.keySet().stream().filter(name -> isIgnored(spec, name)).toList();
    }
}
