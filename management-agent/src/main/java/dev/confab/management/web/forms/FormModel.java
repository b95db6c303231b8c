package dev.confab.management.web.forms;

import dev.confab.management.web.views.FieldView;
import java.util.List;

/**
 * A form page: where it posts, its sections of controls, what went wrong (a summary and one line
 * per field, linked to the field when the form shows it), where delete and cancel lead, and a text
 * shown below it to copy (null for none), and the AWS deployment check (null where not shown). Immutable.
 */
public record FormModel(String title, String action, List<SectionView> sections, String message,
                        List<Problem> problems, String deleteHref, String cancelHref, Snippet snippet,
                        CheckView check) {

    /**
     * The AWS deployment check below Global Settings: where "Check now" posts, when the last check ran
     * ("Never" before the first), its findings as rows (severity, resource, problem, fix).
     */
    public record CheckView(String action, String checkedAt, List<List<String>> findings) {
    }

    /** A read-only text below the form, with a button that copies it: its element id, heading and lead. */
    public record Snippet(String id, String title, String intro, String text) {
    }

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
