package dev.confab.management.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The check of a form's anti-forgery token against the one its session (or login cookie) holds. */
public final class Csrf {

    /** Name of the hidden field every form carries. */
    public static final String FIELD = "_csrf";

    private Csrf() {
    }

    /** Whether {@code given} is present and equals {@code expected}, compared in constant time. */
    public static boolean accepts(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
