package dev.confab.shared.net;

import java.util.regex.Pattern;

/** The syntax of IPv6 addresses as text; Confab stores them as entered and does no IPv6 arithmetic. Stateless. */
public final class Ipv6Text {

    private static final Pattern HEXTET = Pattern.compile("[0-9a-fA-F]{1,4}");

    private Ipv6Text() {
    }

    /** RFC 4291 text form, with "::" compression and an optional trailing dotted IPv4 part. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.contains(":::")) {
            return false;
        }
        String text = value;
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
            if (!Ipv4Address.isValid(text.substring(lastColon + 1))) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        String[] parts = text.replace("::", ":x:").split(":", -1);
        int groups = 0;
        for (String part : parts) {
            if (part.equals("x") || (part.isEmpty() && compression >= 0)) {
                continue;
            }
            if (!HEXTET.matcher(part).matches()) {
                return false;
            }
            groups++;
        }
        return compression >= 0 ? groups < 8 : groups == 8;
    }
}
