package dev.confab.management.web.pages;

import dev.confab.management.resource.ListQuery;
import dev.confab.management.web.views.ListModel.Header;
import dev.confab.management.web.views.ResourceView.Column;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The state of a list page in its URL ({@code ?q=&order_by=&limit=&offset=}) and the links that
 * change one part of it: a column heading re-sorts, previous and next page. Immutable; pure.
 */
record ListLinks(String href, String search, String orderBy, String limit, String offset) {

    static ListLinks of(String href, String search, String orderBy, String limit, String offset) {
        return new ListLinks(href, clean(search), clean(orderBy), clean(limit), clean(offset));
    }

    /** Adds ordering and paging to list-query parameters. */
    void putPaging(Map<String, List<String>> parameters) {
        if (!orderBy.isEmpty()) {
            parameters.put("order_by", List.of(orderBy));
        }
        if (!limit.isEmpty()) {
            parameters.put("limit", List.of(limit));
        }
        if (!offset.isEmpty()) {
            parameters.put("offset", List.of(offset));
        }
    }

    /** A column heading: sorting by it ascending, or descending when it already sorts ascending. */
    Header header(Column column, ListQuery query) {
        String field = column.sortField();
        if (field == null) {
            return new Header(column.label(), null, null);
        }
        boolean current = field.equals(query.orderBy());
        String sorted = !current ? null : query.descending() ? "descending" : "ascending";
        String next = current && !query.descending() ? "-" + field : field;
        return new Header(column.label(), link(search, next, limit, ""), sorted);
    }

    /** This list from another offset. */
    String at(long newOffset) {
        return link(search, orderBy, limit, newOffset == 0 ? "" : Long.toString(newOffset));
    }

    private String link(String q, String order, String pageSize, String from) {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", q);
        add(query, "order_by", order);
        add(query, "limit", pageSize);
        add(query, "offset", from);
        return query.length() == 0 ? href : href + "?" + query;
    }

    private static void add(StringJoiner query, String key, String value) {
        if (!value.isEmpty()) {
            query.add(key + "=" + LoginPage.encode(value));
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
