package dev.confab.installer.wizard;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Netmask;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The settings the node runs with now, offered as the wizard's defaults: address and mask of the
 * first IPv4 interface that is up, the kernel's default gateway, and the host name, domain, DNS
 * and NTP servers from the files under the system root.
 */
record CurrentValues(String ip, String mask, String gateway, String hostname, String domain, List<String> dns,
                     List<String> ntp) {

    /** Amazon's time service, reachable from every EC2 instance. */
    static final String AWS_TIME_SYNC = "169.254.169.123";

    static CurrentValues detect(Path systemRoot) {
        String ip = "";
        String mask = "";
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nic.isUp() && !nic.isLoopback() ? nic.getInterfaceAddresses()
                        : List.<InterfaceAddress>of()) {
                    if (address.getAddress() instanceof Inet4Address && ip.isEmpty()) {
                        ip = address.getAddress().getHostAddress();
                        mask = Ipv4Netmask.ofPrefix(address.getNetworkPrefixLength()).toString();
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to offer: the operator types the values
        }
        List<String> resolv = lines(systemRoot.resolve("etc/resolv.conf"));
        List<String> dns = new ArrayList<>();
        String domain = "";
        for (String line : resolv) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                dns.add(words[1]);
            } else if (words.length >= 2 && (words[0].equals("search") || words[0].equals("domain")) && domain.isEmpty()) {
                domain = words[1];
            }
        }
        List<String> hostnameFile = lines(systemRoot.resolve("etc/hostname"));
        String hostname = hostnameFile.isEmpty() ? localHostName() : hostnameFile.get(0).strip();
        return new CurrentValues(ip, mask, defaultGateway(), hostname.split("\\.")[0], domain, dns, ntpServers(systemRoot));
    }

    private static List<String> ntpServers(Path systemRoot) {
        for (String file : List.of("etc/systemd/timesyncd.conf.d/confab.conf", "etc/systemd/timesyncd.conf")) {
            for (String line : lines(systemRoot.resolve(file))) {
                if (line.startsWith("NTP=") && line.length() > 4) {
                    return List.of(line.substring(4).strip().split("\\s+"));
                }
            }
        }
        return List.of(AWS_TIME_SYNC);
    }

    /** The gateway of the kernel's default route, from {@code /proc/net/route} (little-endian hex). */
    private static String defaultGateway() {
        for (String line : lines(Path.of("/proc/net/route"))) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 2 && fields[1].equals("00000000") && fields[2].matches("[0-9A-Fa-f]{8}")) {
                return new Ipv4Address(Integer.reverseBytes(Integer.parseUnsignedInt(fields[2], 16))).toString();
            }
        }
        return "";
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isReadable(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
