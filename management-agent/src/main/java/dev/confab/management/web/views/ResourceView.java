package dev.confab.management.web.views;

import dev.confab.management.resource.ResourceSpec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list (and, where the resource is writable, its forms) over one catalog resource: where it
 * lives, what it is called, which columns the list shows, values fixed by the page (a Virtual
 * Auditorium is a conference with {@code service_type=lecture}) and how the form groups fields.
 * Immutable.
 */
public record ResourceView(String href, String title, String singular, ResourceSpec spec, List<Column> columns,
                           Map<String, String> fixed, List<Section> sections, boolean editable, boolean bulk) {

    /** The id of a singleton resource's only object. */
    public static final long SINGLETON_ID = 1;

    /**
     * One list column: a heading, the field it sorts by (null when it cannot be sorted) and how
     * its value is taken from an object as the API renders it.
     */
    public record Column(String label, String sortField, Function<Map<String, Object>, Object> value) {

        /** A column showing one field, sortable when the field is. */
        public static Column field(ResourceSpec spec, String field, String label) {
            boolean sortable = spec.field(field).map(f -> f.isFilterable()).orElse(false);
            return new Column(label, sortable ? field : null, object -> object.get(field));
        }
    }

    /** A titled group of form fields, in order. */
    public record Section(String title, List<String> fields) {
    }

    /** Whether objects are created here (a collection) rather than one object edited in place. */
    public boolean isCollection() {
        return spec.shape() == ResourceSpec.Shape.COLLECTION;
    }

    /** Whether the page is the form of the resource's single object. */
    public boolean isSingleton() {
        return spec.shape() == ResourceSpec.Shape.SINGLETON;
    }

    public String newHref() {
        return href + "new";
    }

    public String objectHref(Object id) {
        return href + id + "/";
    }
}
