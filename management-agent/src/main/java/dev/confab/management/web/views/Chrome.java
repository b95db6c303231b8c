package dev.confab.management.web.views;

import java.util.List;

/**
 * What the layout around every page needs: title, who is logged in, the form token, the menu with
 * the current page, the self-signed certificate banner and a one-shot message.
 */
public record Chrome(String title, String user, String csrf, String current, boolean selfSigned, String flash) {

    public List<Menu.Section> menu() {
        return Menu.SECTIONS;
    }

    /** Whether {@code item} is the page shown: the item whose address begins the page's the longest. */
    public boolean isCurrent(Menu.Item item) {
        if (current == null || !current.startsWith(item.href())) {
            return false;
        }
        return menu().stream().flatMap(section -> section.items().stream()).map(Menu.Item::href)
                .noneMatch(href -> href.length() > item.href().length() && current.startsWith(href));
    }
}
