package dev.confab.management.web;

import java.util.List;

/**
 * A form page: where it posts, its sections of controls, what went wrong (a summary and the
 * messages of fields the form does not show) and where delete and cancel lead. Immutable.
 */
public record FormModel(String title, String action, List<SectionView> sections, String message,
                        List<String> otherErrors, String deleteHref, String cancelHref) {

    /** A titled group of controls. */
    public record SectionView(String title, List<FieldView> fields) {
    }

    public boolean hasMessage() {
        return message != null && !message.isEmpty();
    }
}
