package dev.confab.conferencing.provisioning;

import dev.confab.conferencing.ConferencingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Is the address a configuration file gives this node one of this host's own? The refusal goes to
 * whoever uploaded the file, who need not be the operator (the page asks for no login), so it names
 * only the file's address; this host's addresses are logged at debug level only.
 */
final class HostCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HostCheck.class);

    private HostCheck() {
    }

    /** Refuses a file for another host, naming the file's address and what to do. */
    static void require(String configured, String bindAddress) {
        Set<String> own = addresses(bindAddress);
        if (!own.contains(configured)) {
            LOG.debug("The file's address {} is not one of this host's: {}", configured, own);
            throw new ConferencingException("This file is for the Conferencing Node with IPv4 address " + configured
                    + ", which is not an address of this host. Upload the file on the host that has the address "
                    + configured + ", or correct the node's address on the Management Node and download its file"
                    + " again.");
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
