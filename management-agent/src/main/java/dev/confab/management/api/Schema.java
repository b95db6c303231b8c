package dev.confab.management.api;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.ResourceSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code <resource>/schema/} description: every field with type, default, nullability and help. */
final class Schema {

    private static final List<String> FILTERS = List.of("exact", "icontains", "startswith", "gte", "gt", "lte", "lt");

    private Schema() {
    }

    static Map<String, Object> describe(ResourceSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", field("integer", "Unique id of the object.", null, false, true));
        Map<String, Object> filtering = new LinkedHashMap<>();
        filtering.put("id", FILTERS);
        for (FieldSpec field : spec.fields().values()) {
            Map<String, Object> description = field(field.type().schemaName, field.helpText(), field.defaultValue(),
                    field.isNullable(), !field.isWritable());
            description.put("blank", !field.isRequired() && field.type() == FieldSpec.Type.STRING);
            description.put("unique", field.isUnique());
            description.put("write_only", field.access() == FieldSpec.Access.WRITE_ONLY);
            if (field.maxLength() != null) {
                description.put("max_length", field.maxLength());
            }
            if (field.minLength() != null) {
                description.put("min_length", field.minLength());
            }
            if (!field.choices().isEmpty()) {
                description.put("valid_choices", field.choices());
            }
            if (field.min() != null) {
                description.put("min_value", field.min());
            }
            if (field.max() != null) {
                description.put("max_value", field.max());
            }
            if (field.relatedResource() != null) {
                description.put("related_type", field.type() == FieldSpec.Type.RELATED ? "to_one" : "to_many");
                description.put("related_resource", field.relatedResource());
            }
            fields.put(field.name(), description);
            if (field.isFilterable()) {
                filtering.put(field.name(), FILTERS);
            }
        }
        fields.put("resource_uri", field("string", "URI of the object.", null, false, true));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("allowed_list_http_methods", spec.shape().listMethods.stream().sorted().toList());
        schema.put("allowed_detail_http_methods", spec.shape().detailMethods.stream().sorted().toList());
        schema.put("default_format", "application/json");
        schema.put("default_limit", ListQuery.DEFAULT_LIMIT);
        schema.put("fields", fields);
        schema.put("filtering", filtering);
        schema.put("ordering", filtering.keySet());
        return schema;
    }

    private static Map<String, Object> field(String type, String help, Object defaultValue, boolean nullable,
                                             boolean readonly) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", type);
        description.put("help_text", help);
        description.put("default", defaultValue);
        description.put("nullable", nullable);
        description.put("readonly", readonly);
        return description;
    }
}
