package dev.confab.shared.nodeconfig;

/** IPv4 subnet arithmetic on dotted-quad text the XSD has already checked. */
final class Ipv4 {

    private Ipv4() {
    }

    static long toLong(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    /** The prefix length of a contiguous netmask, or -1. */
    static int prefixLength(String netmask) {
        long mask = toLong(netmask);
        int prefix = Long.bitCount(mask);
        return mask == maskOf(prefix) ? prefix : -1;
    }

    /** True when both addresses share the first {@code prefix} bits; a /32 accepts any gateway (point-to-point). */
    static boolean sameSubnet(String address, String gateway, int prefix) {
        return prefix == 32 || (toLong(address) & maskOf(prefix)) == (toLong(gateway) & maskOf(prefix));
    }

    static long maskOf(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
