package dev.confab.shared.net;

import java.util.Optional;

/**
 * An IPv4 address, held as its 32 bits. Text is read strictly: four decimal numbers 0-255 separated
 * by dots, without signs, spaces or leading zeros ({@code 01.2.3.4} is refused because some tools
 * read it as octal). Immutable and thread-safe.
 *
 * @param bits the address in network order, the first octet in the top eight bits
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** 0.0.0.0: "this host", or "any address" to a listening socket. */
    public static final Ipv4Address UNSPECIFIED = new Ipv4Address(0);
    /** 255.255.255.255: every host on the local link. */
    public static final Ipv4Address LIMITED_BROADCAST = new Ipv4Address(-1);

    /** The address written as {@code text}; throws {@link Ipv4FormatException} saying what is wrong. */
    public static Ipv4Address parse(String text) {
        String[] octets = text == null ? new String[0] : text.split("\\.", -1);
        if (octets.length != 4) {
            throw invalid(text, "it needs four numbers separated by dots");
        }
        int bits = 0;
        for (String octet : octets) {
            bits = (bits << 8) | octet(text, octet);
        }
        return new Ipv4Address(bits);
    }

    /** The address written as {@code text}, or empty when it is not a dotted-quad IPv4 address. */
    public static Optional<Ipv4Address> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (Ipv4FormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a dotted-quad IPv4 address. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The address as an unsigned number, 0 to 2³²−1. */
    public long toUnsignedLong() {
        return Integer.toUnsignedLong(bits);
    }

    /** 0.0.0.0. */
    public boolean isUnspecified() {
        return bits == 0;
    }

    /** 127.0.0.0/8: this host, never on the network. */
    public boolean isLoopback() {
        return bits >>> 24 == 127;
    }

    /** 255.255.255.255. */
    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    /** 224.0.0.0/4: a group, never one host. */
    public boolean isMulticast() {
        return bits >>> 28 == 0xE;
    }

    /** 169.254.0.0/16: link-local, such as the EC2 metadata and time services. */
    public boolean isLinkLocal() {
        return bits >>> 16 == 0xA9FE;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    /** The dotted quad, such as {@code 10.0.0.10}. */
    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 255) + "." + (bits >>> 8 & 255) + "." + (bits & 255);
    }

    private static int octet(String text, String octet) {
        boolean digits = !octet.isEmpty() && octet.length() <= 3 && octet.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw invalid(text, "\"" + octet + "\" is not a number from 0 to 255");
        }
        if (octet.length() > 1 && octet.charAt(0) == '0') {
            throw invalid(text, "\"" + octet + "\" has a leading zero");
        }
        int value = Integer.parseInt(octet);
        if (value > 255) {
            throw invalid(text, octet + " is above 255");
        }
        return value;
    }

    private static Ipv4FormatException invalid(String text, String reason) {
        return new Ipv4FormatException("\"" + text + "\" is not an IPv4 address: " + reason
                + "; write four numbers 0-255 separated by dots, such as 10.0.0.10.");
    }
}
