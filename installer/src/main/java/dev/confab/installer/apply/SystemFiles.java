package dev.confab.installer.apply;

import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.Syntax;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operating-system files that carry a Management Node's network, name and time settings, as
 * paths relative to the system root and their contents: systemd-networkd for the address,
 * resolv.conf for DNS, systemd-timesyncd for NTP. Pure: rendering touches no file.
 */
public final class SystemFiles {

    private SystemFiles() {
    }

    public static Map<String, String> render(Answers answers) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/hostname", answers.hostname() + "\n");
        files.put("etc/hosts", "127.0.0.1\tlocalhost\n" + answers.ip() + "\t" + answers.fqdn() + "\t"
                + answers.hostname() + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        files.put("etc/systemd/network/10-confab.network", network(answers));
        StringBuilder resolv = new StringBuilder("# written by the Confab installer\nsearch " + answers.domain() + "\n");
        answers.dns().forEach(server -> resolv.append("nameserver ").append(server).append('\n'));
        files.put("etc/resolv.conf", resolv.toString());
        files.put("etc/systemd/timesyncd.conf.d/confab.conf",
                "# written by the Confab installer\n[Time]\nNTP=" + String.join(" ", answers.ntp()) + "\n");
        return files;
    }

    private static String network(Answers answers) {
        int prefix = Syntax.prefixLength(answers.mask());
        StringBuilder text = new StringBuilder("# written by the Confab installer\n[Match]\nName=en* eth*\n\n[Network]\n")
                .append("Address=").append(answers.ip()).append('/').append(prefix).append('\n')
                .append("Domains=").append(answers.domain()).append('\n');
        answers.dns().forEach(server -> text.append("DNS=").append(server).append('\n'));
        // a /32 cloud network reaches its gateway on the link, outside any subnet
        text.append("\n[Route]\nGateway=").append(answers.gw()).append('\n');
        if (prefix == 32) {
            text.append("GatewayOnLink=yes\n");
        }
        return text.toString();
    }
}
