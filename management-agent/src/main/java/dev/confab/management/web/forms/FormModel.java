package dev.confab.management.web.forms;

import dev.confab.management.web.views.FieldView;
import java.util.List;

/**
 * A form page: where it posts, its sections of controls, what went wrong (a summary and one line
 * per field, linked to the field when the form shows it) and where delete and cancel lead. Immutable.
 */
public record FormModel(String title, String action, List<SectionView> sections, String message,
                        List<Problem> problems, String deleteHref, String cancelHref) {

    /** One field's error in the summary; {@code href} points at the control, null when not shown. */
    public record Problem(String label, String href, String message) {
    }

    /** A titled group of controls. */
    public record SectionView(String title, List<FieldView> fields) {
    }

    public boolean hasMessage() {
        return message != null && !message.isEmpty();
    }
}
