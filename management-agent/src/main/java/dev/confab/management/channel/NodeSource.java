package dev.confab.management.channel;

import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.shared.net.Ipv4Address;

import java.util.Optional;

/**
 * Where a Conferencing Node's enrolment and node-channel requests may come from: the TCP peer
 * address must be the node's configured {@code address} or its {@code static_nat_address}, so a
 * configuration file edited to another address and uploaded on another host is refused instead of
 * enrolling there. A node configured on loopback (127.0.0.0/8) is on the Management Node's own host,
 * and is admitted from any loopback address: Linux sends to a loopback address from 127.0.0.1
 * unless the socket is bound, and the node's HTTP client (the JDK's, on Java 17) cannot bind one.
 * Immutable.
 *
 * @param address          the node's configured address
 * @param staticNatAddress the address its requests arrive from through static NAT, if any
 */
public record NodeSource(String address, Optional<String> staticNatAddress) {

    public static NodeSource of(WorkerVm node) {
        return new NodeSource(node.address(), node.staticNatAddress().filter(nat -> !nat.isBlank()));
    }

    /** Whether a request from {@code from} (the TCP peer address, never a header) may be this node's. */
    public boolean admits(String from) {
        return address.equals(from) || staticNatAddress.map(from::equals).orElse(false)
                || loopback(address) && loopback(from);
    }

    /** Why a request from {@code from} is refused, and what to do about it. */
    public String refusal(String from) {
        return "This node's configured address is " + address
                + staticNatAddress.map(nat -> " (static NAT address " + nat + ")").orElse("")
                + "; the request came from " + from + ": upload the file on the host with that address, or correct"
                + " the node's address.";
    }

    private static boolean loopback(String text) {
        return Ipv4Address.tryParse(text).map(Ipv4Address::isLoopback).orElse(false);
    }
}
