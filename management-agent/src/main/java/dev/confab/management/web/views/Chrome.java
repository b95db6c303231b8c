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

    public boolean isCurrent(Menu.Item item) {
        return current != null && current.startsWith(item.href());
    }
}
