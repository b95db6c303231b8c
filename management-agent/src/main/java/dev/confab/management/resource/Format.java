package dev.confab.management.resource;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Netmask;
import dev.confab.shared.net.Ipv6Text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax checks for string fields, each with the message an operator sees when it fails.
 * {@link #NODE_IPV4} and {@link #GATEWAY_IPV4} also refuse the addresses that cannot be a host's
 * on a network, saying why ({@link #problem(String, boolean)}).
 */
public enum Format {
    NONE(null),
    IPV4("Enter a valid IPv4 address, such as 10.0.0.10."),
    /** A node's own address (or its public NAT address): one host, reachable from other hosts. */
    NODE_IPV4("Enter a valid IPv4 address, such as 10.0.0.10."),
    /** A default gateway: as a node's address, but link-local is accepted (cloud point-to-point links). */
    GATEWAY_IPV4("Enter a valid IPv4 address, such as 10.0.0.1."),
    IPV6("Enter a valid IPv6 address, such as 2001:db8::10."),
    IP("Enter a valid IPv4 or IPv6 address."),
    NETMASK("Enter a valid IPv4 network mask, such as 255.255.255.0."),
    HOSTNAME("Enter a valid host name: letters, digits and hyphens, not starting or ending with a hyphen (RFC 1123)."),
    DOMAIN("Enter a valid domain, such as example.com (RFC 1123 labels separated by dots)."),
    HOST("Enter a valid IP address or host name."),
    DIGITS("A PIN is 4 to 20 digits."),
    URL("Enter an http:// or https:// URL."),
    EMAIL("Enter an email address, such as admin@example.com."),
    /** A name the reference spells in lower-case words joined by underscores, such as a layout. */
    WORD("Use lower-case letters, digits and underscores, such as one_main_seven_pips.");

    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,20}");
    private static final Pattern URL_PATTERN = Pattern.compile("https?://[^\\s/$.?#][^\\s]*");
    private static final Pattern WORD_PATTERN = Pattern.compile("[a-z0-9_]+");

    private final String message;

    Format(String message) {
        this.message = message;
    }

    /** The operator-facing message for a value that fails this format. */
    public String message() {
        return message;
    }

    /** Whether a non-empty value satisfies this format (loopback addresses are not a node's). */
    public boolean accepts(String value) {
        return problem(value, false) == null;
    }

    /**
     * Why a non-empty value does not satisfy this format, or null when it does. {@code loopbackNodes}:
     * whether node addresses on 127.0.0.0/8 are accepted (a platform on one host, such as the demo).
     */
    public String problem(String value, boolean loopbackNodes) {
        if (this == NODE_IPV4 || this == GATEWAY_IPV4) {
            Optional<Ipv4Address> address = Ipv4Address.tryParse(value);
            return address.isEmpty() ? message : notAHost(address.get(), loopbackNodes);
        }
        return syntaxAccepts(value) ? null : message;
    }

    private String notAHost(Ipv4Address address, boolean loopbackNodes) {
        String whose = this == GATEWAY_IPV4 ? "a gateway's" : "a node's";
        String enter = this == GATEWAY_IPV4 ? "enter the IPv4 address of the router on the node's subnet."
                : "enter the node's own IPv4 address.";
        if (address.isUnspecified()) {
            return address + " is the unspecified address (\"any\" or \"this host\"), not " + whose + ": " + enter;
        }
        if (address.isLimitedBroadcast()) {
            return address + " is the limited broadcast address, which reaches every host on the link, not "
                    + whose + ": " + enter;
        }
        if (address.isMulticast()) {
            return address + " is a multicast address (224.0.0.0/4), which names a group of hosts, not "
                    + whose + ": " + enter;
        }
        if (address.isLoopback() && !loopbackNodes) {
            return address + " is a loopback address (127.0.0.0/8), which never leaves its own host, not "
                    + whose + ": " + enter;
        }
        if (address.isLinkLocal() && this == NODE_IPV4) {
            return address + " is a link-local address (169.254.0.0/16), kept for services of the link itself"
                    + " such as cloud metadata, not " + whose + ": " + enter;
        }
        return null;
    }

    private boolean syntaxAccepts(String value) {
        return switch (this) {
            case NONE -> true;
            case IPV4, NODE_IPV4, GATEWAY_IPV4 -> Ipv4Address.isValid(value);
            case IPV6 -> Ipv6Text.isValid(value);
            case IP -> Ipv4Address.isValid(value) || Ipv6Text.isValid(value);
            case NETMASK -> Ipv4Netmask.isValid(value);
            case HOSTNAME -> LABEL.matcher(value).matches();
            case DOMAIN -> isDomain(value);
            case HOST -> Ipv4Address.isValid(value) || Ipv6Text.isValid(value) || isDomain(value);
            case DIGITS -> PIN.matcher(value).matches();
            case URL -> URL_PATTERN.matcher(value).matches();
            case EMAIL -> isEmail(value);
            case WORD -> WORD_PATTERN.matcher(value).matches();
        };
    }

    /** A local part without spaces or a second @, and a domain. */
    private static boolean isEmail(String value) {
        int at = value.lastIndexOf('@');
        return at > 0 && value.indexOf('@') == at && value.substring(0, at).chars().noneMatch(Character::isWhitespace)
                && isDomain(value.substring(at + 1));
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
