package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks each filter value of a list query by its field's type, then converts it to storage form.
 * Comparisons ({@code field=}, {@code __gte}, {@code __gt}, {@code __lte}, {@code __lt}) on {@code id}
 * and integer fields need a whole number, on boolean fields {@code true} or {@code false} (any case;
 * {@code 1} and {@code 0} too), on related fields an id or URI of the related resource; a value that
 * does not fit is refused, not compared as text (which would match nothing, or everything). The
 * text operators ({@code __icontains}, {@code __startswith}) take any text; string and time fields
 * take any value. Stateless; thread-safe.
 */
final class FilterValues {

    private static final Set<String> BOOLEANS = Set.of("true", "false", "1", "0");

    private FilterValues() {
    }

    /**
     * Each filter's value in storage form, in the query's order.
     *
     * @throws ValidationException naming each filter parameter whose value does not fit its field
     */
    static List<Object> of(ResourceSpec spec, ListQuery query) {
        FieldErrors errors = new FieldErrors();
        List<Object> values = new ArrayList<>();
        for (ListQuery.Filter filter : query.filters()) {
            String problem = problem(spec, filter);
            if (problem != null) {
                errors.add(filter.field() + filter.operator().suffix, problem);
            }
            values.add(InputReader.filterValue(spec, filter.field(), filter.value()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The list request has filter values that do not fit their fields.",
                    errors.asMap());
        }
        return values;
    }

    private static String problem(ResourceSpec spec, ListQuery.Filter filter) {
        if (filter.operator() == ListQuery.Operator.ICONTAINS || filter.operator() == ListQuery.Operator.STARTSWITH) {
            return null;
        }
        String name = filter.field();
        String parameter = name + filter.operator().suffix;
        FieldSpec.Type type = name.equals("id") ? FieldSpec.Type.INTEGER : spec.fields().get(name).type();
        String value = filter.value().strip();
        return switch (type) {
            case INTEGER -> isWholeNumber(value) ? null
                    : name + " is an integer field: " + parameter + " needs a whole number.";
            // unstripped, as the conversion reads it: " true" would otherwise filter on false
            case BOOLEAN -> BOOLEANS.contains(filter.value().toLowerCase(Locale.ROOT)) ? null
                    : name + " is a boolean field: " + parameter + " needs true or false.";
            case RELATED -> InputReader.idOf(spec.fields().get(name), value) != null ? null
                    : name + " is a related field: " + parameter + " needs the id or URI of a "
                    + spec.fields().get(name).relatedResource() + ", such as /api/admin/configuration/v1/"
                    + spec.fields().get(name).relatedResource() + "/1/.";
            default -> null;
        };
    }

    private static boolean isWholeNumber(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
