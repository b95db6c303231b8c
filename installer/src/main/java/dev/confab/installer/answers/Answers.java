package dev.confab.installer.answers;

import java.util.List;

/**
 * What the installation wizard asks, or the unattended {@code management_node_config} holds; the
 * record components carry the same meaning as those keys. Passwords are only ever held hashed.
 *
 * @param hostname            host name of the Management Node (RFC 1123 label)
 * @param domain              domain suffix
 * @param ip                  IPv4 address
 * @param mask                IPv4 network mask
 * @param gw                  IPv4 default gateway, inside the subnet (any, for a /32 mask)
 * @param dns                 DNS servers (IPv4 addresses), at least one
 * @param ntp                 NTP servers (addresses or host names), at least one
 * @param user                web administration user name
 * @param pass                web administration password as a {@code pbkdf2_sha256$…} hash
 * @param adminPassword       SSH password of the {@code admin} user as a SHA-512 crypt hash, or null to keep it
 * @param errorReports        whether incident reports are sent
 * @param enableAnalytics     whether deployment and usage statistics are sent
 * @param contactEmailAddress contact address for incident reports, or null
 */
public record Answers(String hostname, String domain, String ip, String mask, String gw, List<String> dns,
                      List<String> ntp, String user, String pass, String adminPassword, boolean errorReports,
                      boolean enableAnalytics, String contactEmailAddress) {

    public Answers {
        dns = List.copyOf(dns);
        ntp = List.copyOf(ntp);
    }

    /** The fully qualified name, {@code hostname.domain}. */
    public String fqdn() {
        return hostname + "." + domain;
    }
}
