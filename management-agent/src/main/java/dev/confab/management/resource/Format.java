package dev.confab.management.resource;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Netmask;
import dev.confab.shared.net.Ipv6Text;

import java.util.regex.Pattern;

/** Syntax checks for string fields, each with the message an operator sees when it fails. */
public enum Format {
    NONE(null),
    IPV4("Enter a valid IPv4 address, such as 10.0.0.10."),
    IPV6("Enter a valid IPv6 address, such as 2001:db8::10."),
    IP("Enter a valid IPv4 or IPv6 address."),
    NETMASK("Enter a valid IPv4 network mask, such as 255.255.255.0."),
    HOSTNAME("Enter a valid host name: letters, digits and hyphens, not starting or ending with a hyphen (RFC 1123)."),
    DOMAIN("Enter a valid domain, such as example.com (RFC 1123 labels separated by dots)."),
    HOST("Enter a valid IP address or host name."),
    DIGITS("A PIN is 4 to 20 digits."),
    URL("Enter an http:// or https:// URL.");

    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,20}");
    private static final Pattern URL_PATTERN = Pattern.compile("https?://[^\\s/$.?#][^\\s]*");

    private final String message;

    Format(String message) {
        this.message = message;
    }

    /** The operator-facing message for a value that fails this format. */
    public String message() {
        return message;
    }

    /** Whether a non-empty value satisfies this format. */
    public boolean accepts(String value) {
        return switch (this) {
            case NONE -> true;
            case IPV4 -> Ipv4Address.isValid(value);
            case IPV6 -> Ipv6Text.isValid(value);
            case IP -> Ipv4Address.isValid(value) || Ipv6Text.isValid(value);
            case NETMASK -> Ipv4Netmask.isValid(value);
            case HOSTNAME -> LABEL.matcher(value).matches();
            case DOMAIN -> isDomain(value);
            case HOST -> Ipv4Address.isValid(value) || Ipv6Text.isValid(value) || isDomain(value);
            case DIGITS -> PIN.matcher(value).matches();
            case URL -> URL_PATTERN.matcher(value).matches();
        };
    }

    static boolean isDomain(String value) {
        if (value.length() > 253 || value.endsWith(".") || value.startsWith(".")) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
