package dev.confab.shared.net;

import java.util.Optional;

/**
 * A host's IPv4 address on its subnet, such as 10.0.0.10/24: what an operator enters as address and
 * netmask, and what systemd-networkd's {@code Address=} takes. Immutable and thread-safe.
 *
 * @param address the host's own address
 * @param netmask the subnet's mask
 */
public record Ipv4Interface(Ipv4Address address, Ipv4Netmask netmask) {

    /** The interface of the texts an operator enters; throws {@link Ipv4FormatException} naming the bad one. */
    public static Ipv4Interface parse(String address, String netmask) {
        return new Ipv4Interface(Ipv4Address.parse(address), Ipv4Netmask.parse(netmask));
    }

    /** The interface of these texts, or empty when either is not valid. */
    public static Optional<Ipv4Interface> tryParse(String address, String netmask) {
        return Ipv4Address.tryParse(address).flatMap(ip -> Ipv4Netmask.tryParse(netmask)
                .map(mask -> new Ipv4Interface(ip, mask)));
    }

    /**
     * The text form of {@link #acceptsGateway} for validators: false when any of the three texts is
     * not a valid address or mask.
     */
    public static boolean gatewayInSubnet(String address, String netmask, String gateway) {
        Optional<Ipv4Address> router = Ipv4Address.tryParse(gateway);
        return router.isPresent() && tryParse(address, netmask).map(host -> host.acceptsGateway(router.get()))
                .orElse(false);
    }

    public int prefixLength() {
        return netmask.prefixLength();
    }

    /** The subnet the address lies in. */
    public Ipv4Network network() {
        return Ipv4Network.of(address, prefixLength());
    }

    /**
     * Whether this host can route through {@code gateway}: another address of its subnet, or on a
     * /32 any address at all (see {@link Ipv4Network#acceptsGateway}).
     */
    public boolean acceptsGateway(Ipv4Address gateway) {
        Ipv4Network network = network();
        return network.isPointToPoint() || (network.contains(gateway) && !gateway.equals(address));
    }

    /**
     * Whether the route to {@code gateway} must be declared on the link ({@code GatewayOnLink=yes}):
     * the gateway is outside the subnet, which only a /32 accepts, so the kernel has no route to
     * reach it otherwise and refuses the default route.
     */
    public boolean needsOnLinkGateway(Ipv4Address gateway) {
        return !network().contains(gateway);
    }

    /** Address and prefix length, such as {@code 10.0.0.10/24}. */
    @Override
    public String toString() {
        return address + "/" + prefixLength();
    }
}
