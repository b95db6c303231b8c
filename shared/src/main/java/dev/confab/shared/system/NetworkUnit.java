package dev.confab.shared.system;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Interface;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a host's systemd-networkd {@code .network} unit says: its IPv4 address and gateway, and
 * optionally an MTU, an IPv6 address and gateway, a search domain with DNS servers, and static
 * routes. {@link HostFiles#networkUnit} renders it. Immutable; build it with {@link #of} and the
 * {@code with…} methods.
 *
 * @param address IPv4 address and prefix of the host
 * @param gateway IPv4 default gateway; outside the subnet only on a /32, and then declared on the link
 * @param mtu the link's MTU, or empty to keep the interface's own
 * @param ipv6Address IPv6 address as entered (with or without prefix), or empty
 * @param ipv6Gateway IPv6 default gateway, or empty
 * @param domain search domain for {@code Domains=}, or empty
 * @param dnsServers name servers for {@code DNS=}, in order
 * @param routes static routes beside the default route
 */
public record NetworkUnit(Ipv4Interface address, Ipv4Address gateway, OptionalInt mtu, String ipv6Address,
                          String ipv6Gateway, String domain, List<String> dnsServers, List<Route> routes) {

    public NetworkUnit {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(mtu, "mtu");
        ipv6Address = Objects.requireNonNullElse(ipv6Address, "");
        ipv6Gateway = Objects.requireNonNullElse(ipv6Gateway, "");
        domain = Objects.requireNonNullElse(domain, "");
        dnsServers = List.copyOf(dnsServers);
        routes = List.copyOf(routes);
    }

    /** An IPv4 address and default gateway, nothing else. */
    public static NetworkUnit of(Ipv4Interface address, Ipv4Address gateway) {
        return new NetworkUnit(address, gateway, OptionalInt.empty(), "", "", "", List.of(), List.of());
    }

    public NetworkUnit withMtu(int bytes) {
        return new NetworkUnit(address, gateway, OptionalInt.of(bytes), ipv6Address, ipv6Gateway, domain, dnsServers,
                routes);
    }

    /** With an IPv6 address and gateway; either may be empty. */
    public NetworkUnit withIpv6(String newAddress, String newGateway) {
        return new NetworkUnit(address, gateway, mtu, newAddress, newGateway, domain, dnsServers, routes);
    }

    /** With a search domain and the name servers the link uses. */
    public NetworkUnit withDns(String newDomain, List<String> servers) {
        return new NetworkUnit(address, gateway, mtu, ipv6Address, ipv6Gateway, newDomain, servers, routes);
    }

    public NetworkUnit withRoutes(List<Route> newRoutes) {
        return new NetworkUnit(address, gateway, mtu, ipv6Address, ipv6Gateway, domain, dnsServers, newRoutes);
    }

    /**
     * A static IPv4 route, rendered as written (the destination is not rounded down to its network).
     *
     * @param name shown as a comment above the route
     * @param destination the destination's address
     * @param prefixLength the destination's prefix length, 0 to 32
     * @param gateway where the route points
     */
    public record Route(String name, Ipv4Address destination, int prefixLength, Ipv4Address gateway) {

        public Route {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(gateway, "gateway");
            name = Objects.requireNonNullElse(name, "");
        }
    }
}
