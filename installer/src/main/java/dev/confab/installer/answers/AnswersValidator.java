package dev.confab.installer.answers;

import dev.confab.installer.probe.DnsProbe;
import dev.confab.installer.probe.NtpProbe;
import dev.confab.installer.probe.ProbeConfig;
import dev.confab.shared.crypto.PasswordHash;
import dev.confab.shared.crypto.ShaCrypt;
import dev.confab.shared.net.Ipv4Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks every answer passes, whether typed into the wizard or read from a file: the same
 * method checks a wizard step and the same key of an answers file. DNS servers must answer a
 * query and NTP servers must resolve and answer an NTP query. Thread-safe.
 */
public final class AnswersValidator {

    private final DnsProbe dnsProbe;
    private final NtpProbe ntpProbe;

    public AnswersValidator(ProbeConfig probes) {
        this.dnsProbe = new DnsProbe(probes);
        this.ntpProbe = new NtpProbe(probes);
    }

    /** Every error in {@code answers}, in the order the wizard asks; empty when all are valid. */
    public List<AnswerError> validate(Answers answers) {
        List<AnswerError> errors = new ArrayList<>();
        add(errors, "ip", Syntax.ipv4(answers.ip()));
        add(errors, "mask", Syntax.netmask(answers.mask()));
        add(errors, "gw", Syntax.gateway(answers.ip(), answers.mask(), answers.gw()));
        add(errors, "hostname", Syntax.hostname(answers.hostname()));
        add(errors, "domain", Syntax.domain(answers.domain()));
        add(errors, "dns", dnsServers(answers.dns()));
        add(errors, "ntp", ntpServers(answers.ntp()));
        add(errors, "user", Syntax.username(answers.user()));
        add(errors, "pass", PasswordHash.isHash(answers.pass()) ? Optional.empty() : Optional.of("The web"
                + " administration password must be given as a PBKDF2 hash (pbkdf2_sha256$iterations$salt$hash),"
                + " never as plain text."));
        add(errors, "admin_password", answers.adminPassword() == null || ShaCrypt.isSha512Crypt(answers.adminPassword())
                ? Optional.empty() : Optional.of("The SSH password of admin must be given as a SHA-512 crypt"
                + " hash ($6$salt$hash), never as plain text."));
        add(errors, "contact_email_address", Syntax.email(answers.contactEmailAddress()));
        return errors;
    }

    /** Every server is an IPv4 address that answers a DNS query. */
    public Optional<String> dnsServers(List<String> servers) {
        if (servers.isEmpty()) {
            return Optional.of("Enter at least one DNS server.");
        }
        for (String server : servers) {
            Optional<String> problem = Syntax.ipv4(server).map(message -> "DNS server " + message);
            problem = problem.isPresent() ? problem : dnsProbe.check(server);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Every server is an address or host name that resolves and answers an NTP query. */
    public Optional<String> ntpServers(List<String> servers) {
        if (servers.isEmpty()) {
            return Optional.of("Enter at least one NTP server.");
        }
        for (String server : servers) {
            boolean syntax = Ipv4Address.isValid(server) || Syntax.domain(server).isEmpty();
            Optional<String> problem = syntax ? ntpProbe.check(server)
                    : Optional.of("\"" + server + "\" is neither an IPv4 address nor a host name.");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static void add(List<AnswerError> errors, String key, Optional<String> problem) {
        problem.ifPresent(message -> errors.add(new AnswerError(key, message)));
    }
}
