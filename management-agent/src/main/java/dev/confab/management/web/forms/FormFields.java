package dev.confab.management.web.forms;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.web.forms.FormModel.SectionView;
import dev.confab.management.web.views.Display;
import dev.confab.management.web.views.FieldView;
import dev.confab.management.web.views.FieldView.AliasRow;
import dev.confab.management.web.views.FieldView.Control;
import dev.confab.management.web.views.FieldView.Option;
import dev.confab.management.web.views.Labels;
import dev.confab.management.web.views.ResourceView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a form's controls from the catalog's field specs: the type chooses the control, choices
 * and related objects become selects, secrets become blank password inputs. Pure apart from
 * {@code related}, which lists the objects a related field may name.
 */
final class FormFields {

    private static final int LONG_TEXT = 4096;
    private static final int SPARE_ALIAS_ROWS = 2;
    private static final String ALIASES_HELP = "Aliases that reach this service, such as meet@example.com or 8001,"
            + " each unique on the platform. Clear a row to remove its alias; save to get more empty rows.";

    private FormFields() {
    }

    /**
     * The fields a form of this view submits: writable ones the page does not fix, except other
     * names of fields the form has ({@link FieldSpec#isAlias()}).
     */
    static List<FieldSpec> editable(ResourceView view) {
        return view.spec().fields().values().stream()
                .filter(field -> field.isWritable() && !field.isAlias() && !view.fixed().containsKey(field.name()))
                .toList();
    }

    /**
     * The controls of a form, grouped as the view says (fields it does not place go last).
     *
     * @param values  current values: as stored (API form) or as just entered
     * @param errors  messages by field name
     * @param related options (value = URI, label = name) of a related resource, by resource name
     */
    static List<SectionView> build(ResourceView view, Map<String, Object> values, Map<String, String> errors,
                                   boolean isNew, Function<String, List<Option>> related) {
        Map<String, FieldSpec> shown = new LinkedHashMap<>();
        for (FieldSpec field : view.spec().fields().values()) {
            boolean readOnlyShown = !field.isWritable() && field.isReadable() && !isNew;
            if (!view.fixed().containsKey(field.name()) && !field.isAlias() && (field.isWritable() || readOnlyShown)) {
                shown.put(field.name(), field);
            }
        }
        List<SectionView> sections = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (ResourceView.Section section : view.sections()) {
            List<FieldView> fields = new ArrayList<>();
            for (String name : section.fields()) {
                if (shown.containsKey(name) && placed.add(name)) {
                    fields.add(control(shown.get(name), values.get(name), errors.get(name), isNew, related));
                }
            }
            sections.add(new SectionView(section.title(), fields));
        }
        List<FieldView> rest = new ArrayList<>();
        shown.forEach((name, field) -> {
            if (!placed.contains(name)) {
                rest.add(control(field, values.get(name), errors.get(name), isNew, related));
            }
        });
        if (!rest.isEmpty()) {
            sections.add(new SectionView(sections.isEmpty() ? view.singular() : "More settings", rest));
        }
        return sections;
    }

    static FieldView control(FieldSpec field, Object value, String error, boolean isNew,
                             Function<String, List<Option>> related) {
        Control control = controlOf(field);
        String help = control == Control.ALIASES ? ALIASES_HELP : field.helpText();
        List<Option> options = List.of();
        String text = value == null ? "" : value.toString();
        if (field.access() == FieldSpec.Access.WRITE_ONLY) {
            text = "";
            if (!isNew) {
                help = help + " Leave blank to keep the current value.";
            }
        }
        if (control == Control.SELECT || control == Control.MULTI) {
            Set<String> selected = selected(value);
            List<Option> choices = field.type() == FieldSpec.Type.STRING
                    ? field.choices().stream().map(choice -> new Option(choice, choice, false)).toList()
                    : related.apply(field.relatedResource());
            List<Option> marked = new ArrayList<>();
            if (control == Control.SELECT && (field.isNullable() || field.type() == FieldSpec.Type.RELATED)) {
                marked.add(new Option("", field.isNullable() ? "(none)" : "Choose…", selected.isEmpty()));
            }
            choices.forEach(option -> marked.add(new Option(option.value(), option.label(),
                    selected.contains(option.value()))));
            options = marked;
        }
        if (control == Control.READONLY) {
            text = Display.text(value, Map.of());
        }
        return new FieldView(field.name(), Labels.of(field.name()), help, control, text, Boolean.TRUE.equals(value),
                options, error, field.isRequired(), field.maxLength(), field.min(), field.max(), aliasRows(field, value));
    }

    private static Control controlOf(FieldSpec field) {
        boolean longText = field.maxLength() != null && field.maxLength() >= LONG_TEXT;
        if (!field.isWritable()) {
            return Control.READONLY;
        }
        return switch (field.type()) {
            case BOOLEAN -> Control.CHECKBOX;
            case INTEGER -> Control.NUMBER;
            case RELATED -> Control.SELECT;
            case RELATED_LIST -> Control.MULTI;
            case NESTED_LIST -> Control.ALIASES;
            default -> longText ? Control.TEXTAREA
                    : field.access() == FieldSpec.Access.WRITE_ONLY ? Control.PASSWORD
                    : field.choices().isEmpty() ? Control.TEXT : Control.SELECT;
        };
    }

    private static Set<String> selected(Object value) {
        Set<String> selected = new LinkedHashSet<>();
        if (value instanceof List<?> items) {
            items.forEach(item -> selected.add(String.valueOf(item)));
        } else if (value != null && !value.toString().isEmpty()) {
            selected.add(value.toString());
        }
        return selected;
    }

    private static List<AliasRow> aliasRows(FieldSpec field, Object value) {
        if (field.type() != FieldSpec.Type.NESTED_LIST) {
            return List.of();
        }
        List<AliasRow> rows = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    rows.add(new AliasRow(rows.size(), text(map.get("alias")), text(map.get("description"))));
                }
            }
        }
        for (int spare = 0; spare < SPARE_ALIAS_ROWS || rows.size() < 3; spare++) {
            rows.add(new AliasRow(rows.size(), "", ""));
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
