package dev.confab.installer.answers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax of each answer, without touching the network. Every check returns the message an
 * operator sees when the value is wrong, or empty when it is right. Stateless.
 */
public final class Syntax {

    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+-]{1,150}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Syntax() {
    }

    public static Optional<String> ipv4(String value) {
        return parseIpv4(value) < 0 ? fail("\"" + value + "\" is not an IPv4 address; enter four numbers 0-255"
                + " separated by dots, such as 10.0.0.10.") : Optional.empty();
    }

    public static Optional<String> netmask(String value) {
        return prefixLength(value) < 0 ? fail("\"" + value + "\" is not a network mask; enter one such as"
                + " 255.255.255.0 (contiguous ones, then zeros).") : Optional.empty();
    }

    /** Whether {@code gateway} is inside {@code ip}/{@code mask}; a /32 mask takes any gateway. */
    public static Optional<String> gateway(String ip, String mask, String gateway) {
        Optional<String> syntax = ipv4(gateway);
        if (syntax.isPresent()) {
            return syntax;
        }
        int prefix = prefixLength(mask);
        if (prefix == 32 || prefix < 0 || parseIpv4(ip) < 0) {
            return Optional.empty();
        }
        long bits = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((parseIpv4(ip) & bits) != (parseIpv4(gateway) & bits)) {
            return fail("The gateway " + gateway + " is not inside the subnet " + ip + "/" + prefix
                    + "; enter a gateway on this node's subnet.");
        }
        if (parseIpv4(gateway) == parseIpv4(ip)) {
            return fail("The gateway cannot be this node's own address " + ip + ".");
        }
        return Optional.empty();
    }

    public static Optional<String> hostname(String value) {
        return value != null && LABEL.matcher(value).matches() ? Optional.empty()
                : fail("\"" + value + "\" is not a valid host name: 1-63 letters, digits and hyphens, not"
                + " starting or ending with a hyphen (RFC 1123).");
    }

    public static Optional<String> domain(String value) {
        boolean valid = value != null && !value.isEmpty() && value.length() <= 253;
        for (String label : valid ? value.split("\\.", -1) : new String[0]) {
            valid &= LABEL.matcher(label).matches();
        }
        return valid ? Optional.empty() : fail("\"" + value + "\" is not a valid domain: labels of letters,"
                + " digits and hyphens separated by dots, such as example.com (RFC 1123).");
    }

    public static Optional<String> username(String value) {
        return value != null && USER.matcher(value).matches() ? Optional.empty()
                : fail("\"" + value + "\" is not a valid user name: 1-150 letters, digits and . _ @ + -.");
    }

    public static Optional<String> email(String value) {
        return value == null || value.isEmpty() || EMAIL.matcher(value).matches() ? Optional.empty()
                : fail("\"" + value + "\" is not an e-mail address.");
    }

    /** The address as an unsigned 32-bit number, or -1 when it is not dotted-quad IPv4. */
    public static long parseIpv4(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long result = 0;
        for (String part : parts) {
            if (!OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
                return -1;
            }
            result = (result << 8) | Integer.parseInt(part);
        }
        return result;
    }

    /** The prefix length of a contiguous netmask, or -1. */
    public static int prefixLength(String mask) {
        long bits = parseIpv4(mask);
        if (bits < 0) {
            return -1;
        }
        int prefix = Long.numberOfLeadingZeros(~bits & 0xFFFFFFFFL) - 32;
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return bits == expected ? prefix : -1;
    }

    private static Optional<String> fail(String message) {
        return Optional.of(message);
    }
}
