package dev.confab.localcloud.ipsec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One network namespace of the lab with its own charon: its own {@code /run} (bind-mounted, as
 * charon writes a fixed pid file there), its own strongswan.conf (userspace ESP through
 * kernel-libipsec, peer traffic selectors allowed, IKE packets marked so they bypass the tunnel's
 * routes) and its own vici socket, which every swanctl call names.
 *
 * @param namespace the namespace's name
 * @param address   its address on the link between the two hosts
 * @param link      its end of that link
 * @param dir       its files: strongswan.conf, run/, charon.vici, logs
 */
record LabHost(String namespace, String address, String link, Path dir) {

    private static final String CHARON = "/usr/lib/ipsec/charon";

    Path strongswanConf() {
        return dir.resolve("strongswan.conf");
    }

    String vici() {
        return "unix://" + dir.resolve("charon.vici");
    }

    /** The environment that points charon and swanctl at this host's strongswan.conf. */
    Map<String, String> environment() {
        return Map.of("STRONGSWAN_CONF", strongswanConf().toString());
    }

    void writeStrongswanConf() throws IOException {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(strongswanConf(), """
                charon {
                    load_modular = no
                    load = random nonce aes sha1 sha2 hmac kdf gcm gmp pem pkcs1 pkcs8 x509 pubkey openssl \
                constraints revocation kernel-libipsec kernel-netlink socket-default vici
                    plugins {
                        vici { socket = %s }
                        kernel-libipsec { allow_peer_ts = yes }
                        kernel-netlink { fwmark = !0x42 }
                        socket-default { fwmark = 0x42 }
                    }
                    filelog { charon { path = %s
                        flush_line = yes
                        default = 1
                        ike = 2 } }
                }
                swanctl {
                    load = pem pkcs1 pkcs8 x509 pubkey openssl revocation constraints
                }
                """.formatted(vici(), dir.resolve("charon.log")));
    }

    /** The command that runs charon inside the namespace with this host's /run. */
    List<String> charonCommand() {
        return List.of("ip", "netns", "exec", namespace, "sh", "-c",
                "mount --bind " + dir.resolve("run") + " /run && exec " + CHARON);
    }

    /** {@code command} run inside the namespace. */
    List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** Runs swanctl against this host's charon. */
    Commands.Result swanctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("swanctl"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--uri", vici()));
        return Commands.run(inside(command), environment());
    }
}
