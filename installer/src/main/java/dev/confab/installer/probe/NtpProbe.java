package dev.confab.installer.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks that an NTP server resolves and answers: sends it an SNTP client request (version 4,
 * mode 3) and waits for a server reply (mode 4, stratum 1-15) that echoes the request's transmit
 * timestamp as its originate timestamp. Stateless and thread-safe.
 */
public final class NtpProbe {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProbeConfig config;

    public NtpProbe(ProbeConfig config) {
        this.config = config;
    }

    /** Empty when {@code server} (an address or host name) answers; else what went wrong. */
    public Optional<String> check(String server) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(server);
        } catch (UnknownHostException e) {
            return Optional.of("The NTP server " + server + " cannot be resolved; check the name and the DNS servers.");
        }
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        byte[] request = ByteBuffer.allocate(48).put((byte) 0x23).position(40).put(nonce).array();
        String problem = null;
        for (InetAddress address : addresses) {
            try {
                Optional<byte[]> reply = Udp.exchange(address, config.ntpPort(), request, config.timeout(),
                        data -> isReplyTo(data, nonce));
                if (reply.isPresent()) {
                    return Optional.empty();
                }
                problem = "did not answer an NTP query within " + config.timeout().toMillis() + " ms";
            } catch (PortUnreachableException e) {
                problem = "refused the NTP query (nothing listens on UDP port " + config.ntpPort() + ")";
            } catch (IOException e) {
                problem = "cannot be reached: " + e.getMessage();
            }
        }
        return Optional.of("The NTP server " + server + " " + problem + "; enter a server this node can reach.");
    }

    private static boolean isReplyTo(byte[] data, byte[] nonce) {
        int mode = data.length >= 48 ? data[0] & 0x07 : -1;
        int stratum = data.length >= 48 ? data[1] & 0xFF : -1;
        return mode == 4 && stratum >= 1 && stratum <= 15 && Arrays.equals(Arrays.copyOfRange(data, 24, 32), nonce);
    }
}
