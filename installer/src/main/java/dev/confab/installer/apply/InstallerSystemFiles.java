package dev.confab.installer.apply;

import dev.confab.installer.answers.Answers;
import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Interface;
import dev.confab.shared.system.HostFiles;
import dev.confab.shared.system.NetworkUnit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operating-system files that carry a Management Node's network, name and time settings, as
 * paths relative to the system root and their contents: systemd-networkd for the address,
 * resolv.conf for DNS, systemd-timesyncd for NTP. The files a Conferencing Node writes too come
 * from {@link HostFiles}. Pure: rendering touches no file.
 */
public final class InstallerSystemFiles {

    /** The Management Node's networkd unit. */
    static final String NETWORK_UNIT_PATH = "etc/systemd/network/10-confab.network";
    private static final String WRITER = "the Confab installer";

    private InstallerSystemFiles() {
    }

    /** Files by relative path, for answers that {@code AnswersValidator} accepted. */
    public static Map<String, String> render(Answers answers) {
        Ipv4Address address = Ipv4Address.parse(answers.ip());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HostFiles.HOSTNAME_PATH, HostFiles.hostname(answers.hostname()));
        files.put(HostFiles.HOSTS_PATH, HostFiles.hosts(address, answers.fqdn(), answers.hostname()));
        files.put(NETWORK_UNIT_PATH, HostFiles.networkUnit(WRITER,
                NetworkUnit.of(Ipv4Interface.parse(answers.ip(), answers.mask()), Ipv4Address.parse(answers.gw()))
                        .withDns(answers.domain(), answers.dns())));
        StringBuilder resolv = new StringBuilder("# written by " + WRITER + "\nsearch " + answers.domain() + "\n");
        answers.dns().forEach(server -> resolv.append("nameserver ").append(server).append('\n'));
        files.put("etc/resolv.conf", resolv.toString());
        files.put(HostFiles.TIMESYNCD_PATH, HostFiles.timesyncd(WRITER, answers.ntp()));
        return files;
    }
}
