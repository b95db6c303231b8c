package dev.confab.installer.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Checks that a DNS server answers: sends it a real query (the root's NS records, recursion
 * desired) over UDP and waits for a reply with the query's id. Stateless and thread-safe.
 */
public final class DnsProbe {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] RCODES = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"};

    private final ProbeConfig config;

    public DnsProbe(ProbeConfig config) {
        this.config = config;
    }

    /** Empty when {@code address} (an IPv4 address) answers a query; else what went wrong. */
    public Optional<String> check(String address) {
        int id = RANDOM.nextInt(0x10000);
        byte[] query = ByteBuffer.allocate(17).putShort((short) id).putShort((short) 0x0100)
                .putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .put((byte) 0).putShort((short) 2).putShort((short) 1).array();
        try {
            InetAddress server = InetAddress.getByName(address);
            Optional<byte[]> reply = Udp.exchange(server, config.dnsPort(), query, config.timeout(),
                    data -> data.length >= 12 && ((data[0] & 0xFF) << 8 | data[1] & 0xFF) == id && (data[2] & 0x80) != 0);
            if (reply.isEmpty()) {
                return Optional.of("The DNS server " + address + " did not answer a query within "
                        + config.timeout().toMillis() + " ms; check the address and that UDP port "
                        + config.dnsPort() + " is reachable.");
            }
            int rcode = reply.get()[3] & 0x0F;
            if (rcode == 0 || rcode == 3) {
                return Optional.empty();
            }
            return Optional.of("The DNS server " + address + " answered but would not resolve ("
                    + (rcode < RCODES.length ? RCODES[rcode] : "error " + rcode) + "); enter a server that resolves"
                    + " names for this node.");
        } catch (PortUnreachableException e) {
            return Optional.of("The DNS server " + address + " refused the query (nothing listens on UDP port "
                    + config.dnsPort() + ").");
        } catch (IOException e) {
            return Optional.of("The DNS server " + address + " cannot be reached: " + e.getMessage() + ".");
        }
    }
}
