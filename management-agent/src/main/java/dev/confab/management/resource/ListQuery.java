package dev.confab.management.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list request: filters, ordering and paging, parsed from query parameters such as
 * {@code ?name__icontains=lon&order_by=-name&limit=20&offset=40}. Immutable.
 */
public record ListQuery(List<Filter> filters, String orderBy, boolean descending, long limit, long offset) {

    public static final long DEFAULT_LIMIT = 20;
    public static final long MAX_LIMIT = 1000;
    private static final Set<String> RESERVED = Set.of("limit", "offset", "order_by", "format");

    /** A comparison of one field with a value. */
    public record Filter(String field, Operator operator, String value) {
    }

    /** The filter operators, with their query-parameter suffixes. */
    public enum Operator {
        EXACT(""), ICONTAINS("__icontains"), STARTSWITH("__startswith"), GTE("__gte"), GT("__gt"),
        LTE("__lte"), LT("__lt");

        public final String suffix;

        Operator(String suffix) {
            this.suffix = suffix;
        }
    }

    /**
     * Parses query parameters against a resource's filterable fields.
     *
     * @throws ValidationException naming each parameter that is not understood
     */
    public static ListQuery parse(ResourceSpec spec, Map<String, List<String>> parameters) {
        FieldErrors errors = new FieldErrors();
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            if (RESERVED.contains(key) || parameter.getValue().isEmpty()) {
                continue;
            }
            Filter filter = filterOf(spec, key, parameter.getValue().get(0));
            if (filter == null) {
                errors.add(key, "Cannot filter on " + key + ". Filterable fields: " + filterable(spec)
                        + "; operators: field=, __icontains, __startswith, __gte, __gt, __lte, __lt.");
            } else {
                filters.add(filter);
            }
        }
        String order = first(parameters, "order_by", spec.defaultOrder());
        boolean descending = order.startsWith("-");
        String orderField = descending ? order.substring(1) : order;
        if (!orderField.equals("id") && spec.field(orderField).filter(FieldSpec::isFilterable).isEmpty()) {
            errors.add("order_by", "Cannot order by " + orderField + ". Fields: id, " + filterable(spec) + ".");
        }
        long limit = number(parameters, "limit", DEFAULT_LIMIT, errors, "limit must be a whole number of 0 or more"
                + " (0, or more than " + MAX_LIMIT + ", reads as " + MAX_LIMIT + ").");
        long offset = number(parameters, "offset", 0, errors,
                "offset must be a whole number from 0 to " + Long.MAX_VALUE + ".");
        if (!errors.isEmpty()) {
            throw new ValidationException("The list request has parameters that are not understood.", errors.asMap());
        }
        return new ListQuery(List.copyOf(filters), orderField, descending,
                limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT), offset);
    }

    private static Filter filterOf(ResourceSpec spec, String key, String value) {
        Operator operator = Operator.EXACT;
        for (Operator candidate : Operator.values()) {
            if (candidate != Operator.EXACT && key.endsWith(candidate.suffix)) {
                operator = candidate;
                break;
            }
        }
        String field = key.substring(0, key.length() - operator.suffix.length());
        boolean known = field.equals("id") || spec.field(field).filter(FieldSpec::isFilterable).isPresent();
        return known ? new Filter(field, operator, value) : null;
    }

    private static String filterable(ResourceSpec spec) {
        return String.join(", ", spec.fields().values().stream().filter(FieldSpec::isFilterable)
                .map(FieldSpec::name).toList());
    }

    private static String first(Map<String, List<String>> parameters, String key, String fallback) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0);
    }

    private static long number(Map<String, List<String>> parameters, String key, long fallback, FieldErrors errors,
                               String message) {
        String text = first(parameters, key, null);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(key, message);
        return fallback;
    }
}
