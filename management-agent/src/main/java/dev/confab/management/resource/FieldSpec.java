package dev.confab.management.resource;

import java.util.List;

/**
 * One field of a management API resource: its JSON name (also its column), type, default,
 * limits and access. Built fluently while a {@link ResourceSpec} is declared, then only read.
 * Instances are effectively immutable once the declaring spec is built and are thread-safe to read.
 */
public final class FieldSpec {

    /** Storage and wire type of a field. */
    public enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean"), DATETIME("datetime"),
        RELATED("related"), RELATED_LIST("related"), NESTED_LIST("list");

        public final String schemaName;

        Type(String schemaName) {
            this.schemaName = schemaName;
        }
    }

    /** Who may read and write the field through the API and the web interface. */
    public enum Access { READ_WRITE, READ_ONLY, WRITE_ONLY }

    /** How a secret value is kept: never in plain text. */
    public enum Secret { NONE, SEALED, SHA512_CRYPT }

    private final String name;
    private final Type type;
    private String help = "";
    private Object defaultValue;
    private boolean nullable;
    private boolean required;
    private Integer maxLength;
    private Integer minLength;
    private List<String> choices = List.of();
    private Long min;
    private Long max;
    private Access access = Access.READ_WRITE;
    private Secret secret = Secret.NONE;
    private Format format = Format.NONE;
    private String related;
    private boolean unique;
    private boolean stored = true;
    private boolean cascade;
    private boolean multiLine;
    private boolean alias;
    private boolean whole;
    private String reverseOf;

    private FieldSpec(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    public static FieldSpec string(String name) {
        return new FieldSpec(name, Type.STRING).defaultValue("");
    }

    public static FieldSpec integer(String name) {
        return new FieldSpec(name, Type.INTEGER);
    }

    public static FieldSpec bool(String name, boolean defaultValue) {
        return new FieldSpec(name, Type.BOOLEAN).defaultValue(defaultValue);
    }

    public static FieldSpec datetime(String name) {
        return new FieldSpec(name, Type.DATETIME);
    }

    /** A reference to one object of {@code resource}, written as its URI. */
    public static FieldSpec related(String name, String resource) {
        FieldSpec field = new FieldSpec(name, Type.RELATED);
        field.related = resource;
        return field;
    }

    /** References to objects of {@code resource}, written as a list of URIs. */
    public static FieldSpec relatedList(String name, String resource) {
        FieldSpec field = new FieldSpec(name, Type.RELATED_LIST).defaultValue(List.of());
        field.related = resource;
        return field;
    }

    /** A list of nested objects kept by the resource's own rules (e.g. a conference's aliases). */
    public static FieldSpec nestedList(String name, String resource) {
        FieldSpec field = new FieldSpec(name, Type.NESTED_LIST).defaultValue(List.of());
        field.related = resource;
        field.stored = false;
        return field;
    }

    public FieldSpec help(String text) { this.help = text; return this; }
    public FieldSpec defaultValue(Object value) { this.defaultValue = value; return this; }
    public FieldSpec nullable() { this.nullable = true; this.defaultValue = null; return this; }
    public FieldSpec required() { this.required = true; return this; }
    public FieldSpec maxLength(int length) { this.maxLength = length; return this; }
    /** A non-empty value has at least {@code length} characters (an empty one means "none"). */
    public FieldSpec minLength(int length) { this.minLength = length; return this; }
    public FieldSpec choices(String... values) { this.choices = List.of(values); return this; }
    public FieldSpec range(long minimum, long maximum) { this.min = minimum; this.max = maximum; return this; }
    public FieldSpec min(long minimum) { this.min = minimum; return this; }
    public FieldSpec readOnly() { this.access = Access.READ_ONLY; return this; }
    public FieldSpec writeOnly() { this.access = Access.WRITE_ONLY; return this; }
    public FieldSpec secret(Secret kind) { this.secret = kind; this.access = Access.WRITE_ONLY; return this; }
    public FieldSpec format(Format value) { this.format = value; return this; }
    public FieldSpec unique() { this.unique = true; return this; }
    /** Deleting the referenced object deletes this one too (it is part of it, as an alias of a room). */
    public FieldSpec cascade() { this.cascade = true; return this; }
    /** The text may hold tabs and line breaks (a PEM certificate or key); other strings are one line. */
    public FieldSpec multiLine() { this.multiLine = true; return this; }
    /** The value is computed when the object is rendered, not kept in a column. */
    public FieldSpec computed() { this.stored = false; this.access = Access.READ_ONLY; return this; }
    /**
     * Another name for what other fields hold (a deprecated field of the reference): not kept, and
     * not in forms; the resource's rules turn a given value into those fields and compute it when
     * the object is rendered.
     */
    public FieldSpec alias() { this.stored = false; this.alias = true; return this; }
    /** The API shows the related objects whole rather than as URIs, as the reference shows this field. */
    public FieldSpec whole() { this.whole = true; return this; }
    /**
     * The other side of a list field: the objects of the related resource whose list field
     * {@code ownerField} names this object. Writing it changes their lists.
     */
    public FieldSpec reverseOf(String ownerField) { this.reverseOf = ownerField; return this; }

    public String name() { return name; }
    public Type type() { return type; }
    public String helpText() { return help; }
    public Object defaultValue() { return defaultValue; }
    public boolean isNullable() { return nullable; }
    public boolean isRequired() { return required; }
    public Integer maxLength() { return maxLength; }
    public Integer minLength() { return minLength; }
    public List<String> choices() { return choices; }
    public Long min() { return min; }
    public Long max() { return max; }
    public Access access() { return access; }
    public Secret secretKind() { return secret; }
    public Format format() { return format; }
    public String relatedResource() { return related; }
    public boolean isUnique() { return unique; }
    public boolean isStored() { return stored; }
    public boolean isCascade() { return cascade; }
    public boolean isMultiLine() { return multiLine; }
    public boolean isAlias() { return alias; }
    public boolean isWhole() { return whole; }
    /** The related resource's list field this list is the other side of, or null. */
    public String reverseOf() { return reverseOf; }
    public boolean isWritable() { return access != Access.READ_ONLY; }
    public boolean isReadable() { return access != Access.WRITE_ONLY; }
    public boolean isColumn() { return stored && type != Type.RELATED_LIST && type != Type.NESTED_LIST; }
    /** Whether this field may be filtered on and sorted by in lists. */
    public boolean isFilterable() { return isColumn() && isReadable(); }
}
