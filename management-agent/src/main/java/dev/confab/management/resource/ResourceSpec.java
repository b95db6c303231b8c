package dev.confab.management.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A management API resource: its name (which is also its table and URI segment), its fields and
 * the rules that check a write. Immutable and thread-safe once built.
 */
public final class ResourceSpec {

    /** The HTTP methods a resource accepts on its list and detail URIs. */
    public enum Shape {
        /**
         * Many objects: list, create, read, update, delete; and on the list, a bulk PATCH (objects to
         * create or change, objects to delete) and a DELETE of the objects its filters match.
         */
        COLLECTION(Set.of("get", "post", "patch", "delete"), Set.of("get", "put", "patch", "delete")),
        /** Exactly one object with id 1, created with the store: read and update only. */
        SINGLETON(Set.of("get"), Set.of("get", "put", "patch")),
        /** Written by the platform itself: read only. */
        READ_ONLY(Set.of("get"), Set.of("get"));

        public final Set<String> listMethods;
        public final Set<String> detailMethods;

        Shape(Set<String> listMethods, Set<String> detailMethods) {
            this.listMethods = listMethods;
            this.detailMethods = detailMethods;
        }
    }

    private final String api;
    private final String name;
    private final String title;
    private final Shape shape;
    private final Map<String, FieldSpec> fields;
    private final String displayField;
    private final ResourceRules rules;
    private final String defaultOrder;
    private final String table;

    private ResourceSpec(Builder builder) {
        this.api = builder.api;
        this.name = builder.name;
        this.title = builder.title;
        this.shape = builder.shape;
        this.displayField = builder.displayField;
        this.rules = builder.rules;
        this.defaultOrder = builder.defaultOrder;
        this.table = builder.table == null ? builder.name : builder.table;
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        builder.fields.forEach(field -> byName.put(field.name(), field));
        this.fields = Collections.unmodifiableMap(byName);
    }

    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    /** The API this resource belongs to: {@code configuration}, {@code status} or {@code history}. */
    public String api() { return api; }
    public String name() { return name; }
    /** The human name used in messages and page titles, e.g. "Conferencing Node". */
    public String title() { return title; }
    public Shape shape() { return shape; }
    public Map<String, FieldSpec> fields() { return fields; }
    public String displayField() { return displayField; }
    public ResourceRules rules() { return rules; }
    public String defaultOrder() { return defaultOrder; }
    /** The table or view the resource is read from: its name, unless two APIs share a name. */
    public String table() { return table; }

    public Optional<FieldSpec> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    public String listUri() {
        return "/api/admin/" + api + "/v1/" + name + "/";
    }

    public String uri(long id) {
        return listUri() + id + "/";
    }

    /** Columns of the resource's own table, in declaration order (id excluded). */
    public List<FieldSpec> columns() {
        return fields.values().stream().filter(FieldSpec::isColumn).toList();
    }

    /** Declares a resource fluently. */
    public static final class Builder {
        private final String name;
        private final String title;
        private String api = "configuration";
        private Shape shape = Shape.COLLECTION;
        private final List<FieldSpec> fields = new ArrayList<>();
        private String displayField = "name";
        private ResourceRules rules = new ResourceRules() { };
        private String defaultOrder = "id";
        private String table;

        private Builder(String name, String title) {
            this.name = name;
            this.title = title;
        }

        public Builder api(String value) { this.api = value; return this; }
        public Builder shape(Shape value) { this.shape = value; return this; }
        public Builder field(FieldSpec field) { this.fields.add(field); return this; }
        public Builder displayField(String value) { this.displayField = value; return this; }
        public Builder rules(ResourceRules value) { this.rules = value; return this; }
        public Builder defaultOrder(String value) { this.defaultOrder = value; return this; }
        public Builder table(String value) { this.table = value; return this; }

        public ResourceSpec build() {
            return new ResourceSpec(this);
        }
    }
}
