package dev.confab.management.web.views;

import java.util.List;
import java.util.Map;

/** How a value of an API object reads in a list or a read-only field. */
public final class Display {

    private Display() {
    }

    /**
     * Text of a value: Yes/No for booleans, the name of a related object (by its URI in
     * {@code names}), names joined by commas for lists, "" for null.
     */
    public static String text(Object value, Map<String, String> names) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return flag ? "Yes" : "No";
        }
        if (value instanceof List<?> items) {
            return String.join(", ", items.stream().map(item -> text(item, names)).toList());
        }
        String text = value.toString();
        return names.getOrDefault(text, text);
    }
}
