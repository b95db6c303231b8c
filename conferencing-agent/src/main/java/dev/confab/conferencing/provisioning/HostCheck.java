package dev.confab.conferencing.provisioning;

import dev.confab.conferencing.ConferencingException;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Is the address a configuration file gives this node one of this host's own? */
final class HostCheck {

    private HostCheck() {
    }

    /** Refuses a file for another host, naming both addresses. */
    static void require(String configured, String bindAddress) {
        Set<String> own = addresses(bindAddress);
        if (!own.contains(configured)) {
            throw new ConferencingException("This file is for the Conferencing Node with IPv4 address " + configured
                    + ", but this host's address is " + bindAddress + (own.size() > 1 ? " (all: "
                    + String.join(", ", own) + ")" : "") + ". Upload the file made for this node, or correct the"
                    + " node's address on the Management Node and download its file again.");
        }
    }

    static Set<String> addresses(String bindAddress) {
        Set<String> addresses = new TreeSet<>();
        if (!bindAddress.equals("0.0.0.0")) {
            addresses.add(bindAddress);
        }
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address.getAddress().length == 4) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // the bind address still counts
        }
        return addresses;
    }
}
