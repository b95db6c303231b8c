package dev.confab.management.resource.engine;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoredRow;

import dev.confab.management.store.Times;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a stored row into the API's object: URIs for related objects, booleans, computed fields. */
final class Renderer {

    private Renderer() {
    }

    static Map<String, Object> render(ResourceSpec spec, Map<String, Object> row, HandleView store) {
        return renderAll(spec, List.of(row), store).get(0);
    }

    /** Renders rows of one page, reading the members of every list field in one query per field. */
    static List<Map<String, Object>> renderAll(ResourceSpec spec, List<Map<String, Object>> rows, HandleView store) {
        return renderAll(spec, rows, store, true);
    }

    /** As {@link #renderAll(ResourceSpec, List, HandleView)}; without the computed fields when {@code computed} is false. */
    static List<Map<String, Object>> renderAll(ResourceSpec spec, List<Map<String, Object>> rows, HandleView store,
                                               boolean computed) {
        List<Long> ids = rows.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        Map<String, Map<Long, List<Long>>> lists = new HashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            if (field.type() == FieldSpec.Type.RELATED_LIST && field.isStored() && field.isReadable()) {
                lists.put(field.name(), store.listMembers(spec, field, ids));
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            objects.add(render(spec, row, lists));
        }
        if (computed) {
            spec.rules().renderPage(objects, store);
        }
        return objects;
    }

    private static Map<String, Object> render(ResourceSpec spec, Map<String, Object> row,
                                              Map<String, Map<Long, List<Long>>> lists) {
        long id = ((Number) row.get("id")).longValue();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        for (FieldSpec field : spec.fields().values()) {
            if (!field.isReadable() || !field.isStored()) {
                continue;
            }
            out.put(field.name(), switch (field.type()) {
                case BOOLEAN -> row.get(field.name()) instanceof Number n ? n.intValue() != 0 : row.get(field.name());
                case INTEGER -> row.get(field.name()) instanceof Number n ? n.longValue() : null;
                case RELATED -> row.get(field.name()) instanceof Number n
                        ? "/api/admin/configuration/v1/" + field.relatedResource() + "/" + n.longValue() + "/" : null;
                case RELATED_LIST -> uris(field, lists.get(field.name()).get(id));
                // one format for every time, whichever form it was kept in
                case DATETIME -> row.get(field.name()) instanceof String text ? Times.reformat(text) : null;
                default -> row.get(field.name());
            });
        }
        out.put("resource_uri", spec.uri(id));
        return out;
    }

    /** Storage form of a row (booleans as booleans, integers as longs, lists of ids), for merging. */
    static Map<String, Object> storageForm(ResourceSpec spec, Map<String, Object> row, HandleView store) {
        long id = ((Number) row.get("id")).longValue();
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            if (!field.isStored()) {
                continue;
            }
            Object value = row.get(field.name());
            values.put(field.name(), switch (field.type()) {
                case BOOLEAN -> value instanceof Number n ? n.intValue() != 0 : value;
                case INTEGER, RELATED -> value instanceof Number n ? n.longValue() : null;
                case RELATED_LIST -> store.listIds(spec, field, id);
                default -> value;
            });
        }
        return values;
    }

    /**
     * Storage forms of the rows of one resource, as typed records are made from them, reading the
     * members of every list field in one query per field.
     */
    static List<StoredRow> storedRows(ResourceSpec spec, List<Map<String, Object>> rows, HandleView store) {
        List<Long> ids = rows.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        Map<String, Map<Long, List<Long>>> lists = new HashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            if (field.type() == FieldSpec.Type.RELATED_LIST && field.isStored()) {
                lists.put(field.name(), store.listMembers(spec, field, ids));
            }
        }
        List<StoredRow> stored = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            Map<String, Object> values = new HashMap<>();
            values.put("id", id);
            for (FieldSpec field : spec.fields().values()) {
                if (field.isColumn()) {
                    values.put(field.name(), row.get(field.name()));
                } else if (lists.containsKey(field.name())) {
                    values.put(field.name(), lists.get(field.name()).get(id));
                }
            }
            stored.add(new StoredRow(values));
        }
        return stored;
    }

    private static List<String> uris(FieldSpec field, List<Long> ids) {
        return ids.stream().map(target -> "/api/admin/configuration/v1/" + field.relatedResource() + "/" + target + "/")
                .toList();
    }
}
