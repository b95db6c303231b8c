package dev.confab.management.web.forms;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.web.views.ResourceView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted form into the input {@code ConfigurationService} takes, as the API's JSON
 * would carry it: a missing checkbox is false, a blank related or number field is null, a blank
 * nullable text is null, a blank secret is left out (unchanged), a multi-select is a list of URIs,
 * alias rows are {@code [{"alias", "description"}]}. Values fixed by the page are added. Pure.
 */
final class FormInput {

    private FormInput() {
    }

    static Map<String, Object> read(ResourceView view, Map<String, List<String>> form) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (FieldSpec field : FormFields.editable(view)) {
            String name = field.name();
            switch (field.type()) {
                case BOOLEAN -> input.put(name, form.containsKey(name));
                case RELATED_LIST -> input.put(name, nonBlank(form.getOrDefault(name, List.of())));
                case NESTED_LIST -> input.put(name, rows(name, form));
                default -> {
                    String value = first(form, name);
                    boolean secret = field.access() == FieldSpec.Access.WRITE_ONLY;
                    if (value == null || (secret && value.isBlank())) {
                        continue;
                    }
                    input.put(name, value.isBlank() ? blank(field) : value);
                }
            }
        }
        input.putAll(view.fixed());
        return input;
    }

    private static Object blank(FieldSpec field) {
        return field.type() == FieldSpec.Type.STRING && !field.isNullable() ? "" : null;
    }

    private static List<Map<String, Object>> rows(String name, Map<String, List<String>> form) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int index = 0; form.containsKey(name + "-" + index + "-alias"); index++) {
            String alias = first(form, name + "-" + index + "-alias");
            String description = first(form, name + "-" + index + "-description");
            if (alias != null && !alias.isBlank()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("alias", alias.strip());
                row.put("description", description == null ? "" : description.strip());
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(value -> !value.isBlank()).toList();
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
