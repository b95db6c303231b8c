package dev.confab.management.resource.engine;

import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The items of a bulk request ({@code objects[i]}, {@code deleted_objects[i]}): a failure names the
 * item it is about, and an object may be named only once per request. Stateless.
 */
final class BulkItem {

    private BulkItem() {
    }

    /** Runs the step of item {@code index} of {@code list}; a failure's message and fields then name the item. */
    static <T> T run(String list, int index, Supplier<T> step) {
        String item = list + "[" + index + "]";
        try {
            return step.get();
        } catch (ValidationException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.fields().forEach((field, message) -> fields.put(item + "." + field, message));
            throw new ValidationException(item + ": " + e.getMessage() + " Nothing of this request was saved.", fields);
        } catch (NotFoundException e) {
            throw new NotFoundException(item + ": " + e.getMessage() + " Nothing of this request was saved.");
        } catch (ConflictException e) {
            throw new ConflictException(item + ": " + e.getMessage() + " Nothing of this request was saved.");
        }
    }

    /**
     * Refuses a request that names one object twice (changed twice, deleted twice, or changed and
     * deleted): which of the two should win would be a guess.
     */
    static void refuseRepeats(ResourceSpec spec, List<ConfigurationService.BulkObject> objects, List<Long> deletions) {
        Map<Long, String> seen = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            Long id = objects.get(i).id();
            if (id != null) {
                repeat(seen, errors, id, "objects[" + i + "]", spec);
            }
        }
        for (int i = 0; i < deletions.size(); i++) {
            repeat(seen, errors, deletions.get(i), "deleted_objects[" + i + "]", spec);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The request names an object more than once: name each object once, in"
                    + " objects or in deleted_objects. Nothing of this request was saved.", errors);
        }
    }

    private static void repeat(Map<Long, String> seen, Map<String, String> errors, long id, String item,
                               ResourceSpec spec) {
        String first = seen.putIfAbsent(id, item);
        if (first != null) {
            errors.put(item, "Names " + spec.uri(id) + " again, as " + first + " does.");
        }
    }
}
