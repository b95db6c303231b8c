package dev.confab.management.web.views;

import java.util.List;

/** A captioned table of text, with what to say when it has no rows. Immutable. */
public record Table(String caption, List<String> headers, List<List<String>> rows, String emptyText) {

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
