package dev.confab.management.resource.engine;

import dev.confab.management.resource.ListQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ListQuery} into the where clause and ordering that {@link ResourceDao#select}
 * defines. Field names come from the resource catalog (the query was parsed against it); values
 * become bound parameters {@code :p0, :p1 …}. Immutable.
 */
public record ResourceQuerySql(String where, String order, Map<String, Object> parameters) {

    /**
     * @param values each filter's value already converted to its column's storage form
     */
    public static ResourceQuerySql of(ListQuery query, List<Object> values) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < query.filters().size(); i++) {
            ListQuery.Filter filter = query.filters().get(i);
            String name = "p" + i;
            // quoted: a field may be named as an SQL keyword (primary)
            String column = "\"" + filter.field() + "\"";
            Object value = values.get(i);
            switch (filter.operator()) {
                case EXACT -> clauses.add(value == null ? column + " IS NULL" : column + " = :" + name);
                case ICONTAINS -> clauses.add("lower(" + column + ") LIKE :" + name + " ESCAPE '\\'");
                case STARTSWITH -> clauses.add("substr(" + column + ", 1, length(:" + name + ")) = :" + name);
                case GTE -> clauses.add(column + " >= :" + name);
                case GT -> clauses.add(column + " > :" + name);
                case LTE -> clauses.add(column + " <= :" + name);
                case LT -> clauses.add(column + " < :" + name);
            }
            if (filter.operator() == ListQuery.Operator.ICONTAINS) {
                value = "%" + escapeLike(String.valueOf(value).toLowerCase(java.util.Locale.ROOT)) + "%";
            }
            if (value != null) {
                parameters.put(name, value);
            }
        }
        String where = clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses);
        String order = "\"" + query.orderBy() + "\"" + (query.descending() ? " DESC" : " ASC") + ", id ASC";
        return new ResourceQuerySql(where, order, parameters);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
