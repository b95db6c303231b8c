package dev.confab.localcloud.callgen;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of one URI path segment (RFC 3986): what is not allowed in a segment is escaped. */
final class PathSegment {

    private static final String ALLOWED = "-._~!$&'()*+,;=:@";

    private PathSegment() {
    }

    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
