package dev.confab.management.web.views;

import java.util.List;

/**
 * One form control as the template draws it: its kind, label, help, current value (as entered, or
 * as stored), options and the error found for it. Immutable.
 */
public record FieldView(String name, String label, String help, Control control, String value, boolean checked,
                        List<Option> options, String error, boolean required, Integer maxLength, Long min, Long max,
                        List<AliasRow> aliases) {

    /** The kind of control, chosen from the field's type, choices and secrecy. */
    public enum Control { TEXT, NUMBER, PASSWORD, TEXTAREA, SELECT, MULTI, CHECKBOX, READONLY, ALIASES }

    /** An option of a select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One row of the aliases table: the alias and its description. */
    public record AliasRow(int index, String alias, String description) {
        public String aliasId() { return "aliases-" + index + "-alias"; }
        public String descriptionId() { return "aliases-" + index + "-description"; }
    }

    /** The element id, which the label's {@code for} names. */
    public String id() {
        return "f-" + name;
    }

    public String helpId() {
        return "h-" + name;
    }

    public boolean hasError() {
        return error != null && !error.isEmpty();
    }

    /** Rows of a multi-select: enough to see a few options at once. */
    public int size() {
        return Math.max(2, Math.min(options.size(), 6));
    }
}
