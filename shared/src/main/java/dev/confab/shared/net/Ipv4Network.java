package dev.confab.shared.net;

/**
 * An IPv4 subnet: its first address and prefix length, such as 10.0.0.0/24. The canonical
 * constructor refuses host bits; {@link #of} clears them. Immutable and thread-safe.
 *
 * @param address the network's first address, host bits zero
 * @param prefixLength 0 to 32
 */
public record Ipv4Network(Ipv4Address address, int prefixLength) {

    public Ipv4Network {
        int mask = Ipv4Netmask.ofPrefix(prefixLength).bits();
        if ((address.bits() & ~mask) != 0) {
            throw new Ipv4FormatException(address + "/" + prefixLength + " is not a network address: its host"
                    + " part is not zero; the network is " + new Ipv4Address(address.bits() & mask) + "/"
                    + prefixLength + ".");
        }
    }

    /** The subnet of {@code prefixLength} bits that holds {@code anyAddress}. */
    public static Ipv4Network of(Ipv4Address anyAddress, int prefixLength) {
        return new Ipv4Network(new Ipv4Address(anyAddress.bits() & Ipv4Netmask.bitsOf(prefixLength)), prefixLength);
    }

    /** The subnet's mask. */
    public Ipv4Netmask netmask() {
        return Ipv4Netmask.ofPrefix(prefixLength);
    }

    /** Whether {@code candidate} lies in this subnet. */
    public boolean contains(Ipv4Address candidate) {
        int mask = Ipv4Netmask.bitsOf(prefixLength);
        return (candidate.bits() & mask) == address.bits();
    }

    /** The subnet's last address (the address itself for a /32). */
    public Ipv4Address broadcast() {
        return new Ipv4Address(address.bits() | ~Ipv4Netmask.bitsOf(prefixLength));
    }

    /** A /32: one address, whose gateway cannot be inside it and is reached on the link. */
    public boolean isPointToPoint() {
        return prefixLength == Ipv4Netmask.MAX_PREFIX_LENGTH;
    }

    /**
     * Whether a host of this subnet can use {@code gateway}: one inside the subnet, or, on a /32, any
     * address (the cloud's point-to-point shape: the route to it is declared on the link).
     */
    public boolean acceptsGateway(Ipv4Address gateway) {
        return isPointToPoint() || contains(gateway);
    }

    /** CIDR notation, such as {@code 10.0.0.0/24}. */
    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
