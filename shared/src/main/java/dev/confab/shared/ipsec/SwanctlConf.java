package dev.confab.shared.ipsec;

import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.wire.MeshPeer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders strongSwan's {@code swanctl.conf}: one IKEv2 connection per peer, authenticated with
 * certificates from the platform CA (pinned per connection with {@code cacerts}; the CA certificate
 * sits in {@code x509ca/}, the node's certificate in {@code x509/} and its key in
 * {@code private/}), each identity being the node's address as its certificate's IP subject
 * alternative name, and one host-to-host tunnel-mode child with /32 (or /128) selectors. Only
 * AES-256-GCM with PRF-SHA384 and modp4096 is proposed for IKE, and AES-256-GCM with modp4096 for
 * ESP: nothing weaker, so a peer offering less is refused. Pure and thread-safe.
 */
public final class SwanctlConf {

    /** The one IKE proposal: AES-256-GCM (16-byte ICV), PRF HMAC-SHA-384, 4096-bit MODP group. */
    public static final String IKE_PROPOSAL = "aes256gcm16-prfsha384-modp4096";
    /** The one ESP proposal: AES-256-GCM (16-byte ICV), PFS with the 4096-bit MODP group on rekeying. */
    public static final String ESP_PROPOSAL = "aes256gcm16-modp4096";

    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");
    private static final Pattern COMMENT_UNSAFE = Pattern.compile("[^A-Za-z0-9 ._,()@/-]");

    private SwanctlConf() {
    }

    /** The whole file for {@code self} and {@code peers} (already selected, see {@link MeshSelection}). */
    public static String render(IpsecIdentity self, List<MeshPeer> peers, StartAction startAction) {
        requireAddress(self.address());
        StringBuilder text = new StringBuilder()
                .append("# swanctl.conf of ").append(comment(self.name())).append(" (").append(self.address())
                .append("), rendered by Confab from the node list; it is replaced whenever the list changes.\n")
                .append("connections {\n");
        Set<String> seen = new HashSet<>();
        for (MeshPeer peer : peers) {
            requireAddress(peer.address());
            if (peer.address().equals(self.address()) || !seen.add(peer.address())) {
                continue;
            }
            connection(text, self, peer, startAction);
        }
        return text.append("}\n").toString();
    }

    /** The connection (and child) name for a peer: unique, as addresses are. */
    public static String connectionName(String peerAddress) {
        return "confab-" + peerAddress.replaceAll("[^0-9A-Za-z]", "-");
    }

    private static void connection(StringBuilder text, IpsecIdentity self, MeshPeer peer, StartAction startAction) {
        String name = connectionName(peer.address());
        text.append("    ").append(name).append(" {\n")
                .append("        # ").append(comment(peer.name())).append(" (").append(comment(peer.nodeType()))
                .append(NodeTypes.location(peer).isEmpty() ? "" : ", " + comment(NodeTypes.location(peer))).append(")\n");
        line(text, 8, "version", "2");
        line(text, 8, "local_addrs", self.address());
        line(text, 8, "remote_addrs", peer.address());
        line(text, 8, "proposals", IKE_PROPOSAL);
        line(text, 8, "mobike", "no");
        line(text, 8, "dpd_delay", "30s");
        if (startAction == StartAction.START) {
            line(text, 8, "keyingtries", "0");
        }
        text.append("        local {\n");
        line(text, 12, "auth", "pubkey");
        line(text, 12, "certs", self.certificateFile());
        line(text, 12, "id", self.address());
        text.append("        }\n        remote {\n");
        line(text, 12, "auth", "pubkey");
        line(text, 12, "id", peer.address());
        line(text, 12, "cacerts", self.caFile());
        text.append("        }\n        children {\n            ").append(name).append(" {\n");
        line(text, 16, "local_ts", self.address() + hostPrefix(self.address()));
        line(text, 16, "remote_ts", peer.address() + hostPrefix(peer.address()));
        line(text, 16, "mode", "tunnel");
        line(text, 16, "esp_proposals", ESP_PROPOSAL);
        boolean trap = startAction == StartAction.TRAP;
        line(text, 16, "start_action", trap ? "trap" : "start");
        line(text, 16, "dpd_action", trap ? "trap" : "restart");
        line(text, 16, "close_action", trap ? "trap" : "start");
        text.append("            }\n        }\n    }\n");
    }

    private static void line(StringBuilder text, int indent, String key, String value) {
        text.append(" ".repeat(indent)).append(key).append(" = ").append(value).append('\n');
    }

    private static String hostPrefix(String address) {
        return address.contains(":") ? "/128" : "/32";
    }

    /** Refuses anything but an IP literal, so no value can change the file's structure. */
    static void requireAddress(String address) {
        if (address == null || !(Ipv4Address.isValid(address)
                || (address.contains(":") && IPV6.matcher(address).matches()))) {
            throw new IpsecException("'" + address + "' is not an IPv4 or IPv6 address; an IPsec peer is"
                    + " configured by address. Correct the node's address on the Management Node.");
        }
    }

    private static String comment(String value) {
        return value == null ? "" : COMMENT_UNSAFE.matcher(value).replaceAll("?");
    }
}
