package dev.confab.installer.answers;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Interface;
import dev.confab.shared.net.Ipv4Netmask;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax of each answer, without touching the network. Every check returns the message an
 * operator sees when the value is wrong, or empty when it is right. Stateless.
 */
public final class Syntax {

    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+-]{1,150}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Syntax() {
    }

    public static Optional<String> ipv4(String value) {
        return Ipv4Address.isValid(value) ? Optional.empty() : fail("\"" + value + "\" is not an IPv4 address;"
                + " enter four numbers 0-255 separated by dots, such as 10.0.0.10.");
    }

    public static Optional<String> netmask(String value) {
        return Ipv4Netmask.isValid(value) ? Optional.empty() : fail("\"" + value + "\" is not a network mask;"
                + " enter one such as 255.255.255.0 (contiguous ones, then zeros).");
    }

    /** Whether {@code gateway} is inside {@code ip}/{@code mask}; a /32 mask takes any gateway. */
    public static Optional<String> gateway(String ip, String mask, String gateway) {
        Optional<String> syntax = ipv4(gateway);
        if (syntax.isPresent()) {
            return syntax;
        }
        Optional<Ipv4Interface> node = Ipv4Interface.tryParse(ip, mask);
        if (node.isEmpty()) {
            // the address or the mask is wrong, and says so itself
            return Optional.empty();
        }
        Ipv4Address router = Ipv4Address.parse(gateway);
        if (!node.get().network().acceptsGateway(router)) {
            return fail("The gateway " + gateway + " is not inside the subnet " + ip + "/" + node.get().prefixLength()
                    + "; enter a gateway on this node's subnet.");
        }
        if (!node.get().acceptsGateway(router)) {
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

    private static Optional<String> fail(String message) {
        return Optional.of(message);
    }
}
