package dev.confab.management.web.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether a {@code next} value sent back after login may become a {@code Location}: only a
 * path on this site. Browsers drop tabs and line breaks from a URL and read a backslash as a slash,
 * so {@code /\t/evil.example} or {@code /\evil.example} would lead to another host; such values, in
 * the text as sent or once percent-decoded, go to the home page instead. Stateless.
 */
final class LocalRedirect {

    private LocalRedirect() {
    }

    /** {@code next} when it is a path on this site (and not the login page itself), else {@code home}. */
    static String pathOrHome(String next, String home) {
        if (next == null || !isLocalPath(next) || !isLocalPath(percentDecoded(next))
                || next.startsWith("/login")) {
            return home;
        }
        return next;
    }

    private static boolean isLocalPath(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\\') {
                return false;
            }
        }
        // one leading slash only: "//host" is another site
        return path.length() == 1 || path.charAt(1) != '/';
    }

    /** The value percent-decoded once; null when it does not decode (which refuses it). */
    private static String percentDecoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
