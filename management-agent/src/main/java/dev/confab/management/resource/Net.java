package dev.confab.management.resource;

import java.util.regex.Pattern;

/** IPv4/IPv6 syntax and subnet arithmetic, without name resolution. */
public final class Net {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEXTET = Pattern.compile("[0-9a-fA-F]{1,4}");

    private Net() {
    }

    public static boolean isIpv4(String value) {
        return value != null && IPV4.matcher(value).matches();
    }

    /** RFC 4291 text form, with "::" compression and an optional trailing dotted IPv4 part. */
    public static boolean isIpv6(String value) {
        if (value == null || value.isEmpty() || value.contains(":::")) {
            return false;
        }
        String text = value;
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
            if (!isIpv4(text.substring(lastColon + 1))) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        String[] parts = text.replace("::", ":x:").split(":", -1);
        int groups = 0;
        for (String part : parts) {
            if (part.equals("x") || (part.isEmpty() && compression >= 0)) {
                continue;
            }
            if (!HEXTET.matcher(part).matches()) {
                return false;
            }
            groups++;
        }
        return compression >= 0 ? groups < 8 : groups == 8;
    }

    public static long toLong(String ipv4) {
        long result = 0;
        for (String octet : ipv4.split("\\.")) {
            result = (result << 8) | Integer.parseInt(octet);
        }
        return result;
    }

    public static String fromLong(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    /** The prefix length of a contiguous IPv4 netmask, or -1 when it is not one. */
    public static int prefixLength(String netmask) {
        if (!isIpv4(netmask)) {
            return -1;
        }
        long mask = toLong(netmask);
        int prefix = Long.bitCount(mask);
        long expected = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return mask == expected ? prefix : -1;
    }

    /**
     * Whether {@code gateway} lies in the subnet of {@code address}/{@code netmask}. A /32 mask
     * accepts any gateway, as the point-to-point networks of cloud providers use.
     */
    public static boolean gatewayInSubnet(String address, String netmask, String gateway) {
        int prefix = prefixLength(netmask);
        if (prefix < 0 || !isIpv4(address) || !isIpv4(gateway)) {
            return false;
        }
        if (prefix == 32) {
            return true;
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (toLong(address) & mask) == (toLong(gateway) & mask) && !gateway.equals(address);
    }
}
