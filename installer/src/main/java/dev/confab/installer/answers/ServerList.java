package dev.confab.installer.answers;

import java.util.Arrays;
import java.util.List;

/** Server lists as typed or given in a file: addresses separated by commas and/or spaces. */
public final class ServerList {

    private ServerList() {
    }

    public static List<String> parse(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(item -> !item.isEmpty()).toList();
    }

    public static String format(List<String> servers) {
        return String.join(", ", servers);
    }
}
