package dev.confab.management.web.views;

import java.util.List;

/**
 * A list page: headings with their sort links, the rows of this page, the search text, paging
 * links and whether rows can be selected for a bulk action. Immutable.
 */
public record ListModel(String title, String href, String newHref, String searchLabel, String search,
                        List<Header> headers, List<Row> rows, long total, long from, long to,
                        String previousHref, String nextHref, boolean bulk) {

    /** A column heading; {@code href} re-sorts by it (null when the column cannot be sorted). */
    public record Header(String label, String href, String sorted) {
    }

    /** One object: its id, the link to its form (null when read-only) and its cells. */
    public record Row(long id, String href, String name, List<String> cells) {
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
