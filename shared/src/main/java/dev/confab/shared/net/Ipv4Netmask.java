package dev.confab.shared.net;

import java.util.Optional;

/**
 * An IPv4 network mask: a run of ones followed by zeros, which is all a prefix length can say.
 * Masks with a hole ({@code 255.0.255.0}) are refused: no current network stack routes them.
 * Immutable and thread-safe.
 *
 * @param prefixLength the number of leading ones, 0 to 32
 */
public record Ipv4Netmask(int prefixLength) {

    /** The longest prefix: one address, as the point-to-point networks of cloud providers use. */
    public static final int MAX_PREFIX_LENGTH = 32;

    public Ipv4Netmask {
        if (prefixLength < 0 || prefixLength > MAX_PREFIX_LENGTH) {
            throw new Ipv4FormatException("/" + prefixLength + " is not an IPv4 prefix length; it is 0 to 32.");
        }
    }

    /** The mask of {@code prefixLength} leading ones. */
    public static Ipv4Netmask ofPrefix(int prefixLength) {
        return new Ipv4Netmask(prefixLength);
    }

    /** The mask written as {@code text}, such as 255.255.255.0; throws {@link Ipv4FormatException} if it is not one. */
    public static Ipv4Netmask parse(String text) {
        int bits = Ipv4Address.parse(text).bits();
        int prefixLength = Integer.numberOfLeadingZeros(~bits);
        if (bitsOf(prefixLength) != bits) {
            throw new Ipv4FormatException("\"" + text + "\" is not a network mask: its ones must come first, then"
                    + " only zeros, such as 255.255.255.0.");
        }
        return new Ipv4Netmask(prefixLength);
    }

    /** The mask written as {@code text}, or empty when it is not a contiguous dotted-quad mask. */
    public static Optional<Ipv4Netmask> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (Ipv4FormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a contiguous dotted-quad network mask. */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The mask as 32 bits, ones in the network part. */
    public int bits() {
        return bitsOf(prefixLength);
    }

    /** The mask as an address, such as 255.255.255.0. */
    public Ipv4Address address() {
        return new Ipv4Address(bits());
    }

    /** The dotted quad, such as {@code 255.255.255.0}. */
    @Override
    public String toString() {
        return address().toString();
    }

    static int bitsOf(int prefixLength) {
        // a shift by 32 is a shift by 0 in Java, so /0 needs its own case
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }
}
