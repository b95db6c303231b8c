package dev.confab.installer.wizard;

import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.AnswersValidator;
import dev.confab.installer.answers.ServerList;
import dev.confab.installer.answers.Syntax;
import dev.confab.shared.crypto.PasswordHash;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The installation questions, in the reference platform's order, each checked as it is answered
 * with the same checks as an answers file. Asking writes nothing.
 */
final class Wizard {

    private final Prompter prompter;
    private final AnswersValidator validator;

    Wizard(Prompter prompter, AnswersValidator validator) {
        this.prompter = prompter;
        this.validator = validator;
    }

    /** Asks every question; {@code adminPassword} (a SHA-512 crypt hash) is carried into the answers. */
    Answers ask(CurrentValues current, String adminPassword) {
        String ip = prompter.ask("IP address", current.ip(), Syntax::ipv4);
        String mask = prompter.ask("Network mask", current.mask(), Syntax::netmask);
        String gateway = prompter.ask("Gateway", current.gateway(), value -> Syntax.gateway(ip, mask, value));
        String hostname = prompter.ask("Hostname", current.hostname(), Syntax::hostname);
        String domain = prompter.ask("Domain suffix", current.domain(), Syntax::domain);
        List<String> dns = ServerList.parse(prompter.ask("DNS servers", ServerList.format(current.dns()),
                value -> validator.dnsServers(ServerList.parse(value))));
        List<String> ntp = ServerList.parse(prompter.ask("NTP servers", ServerList.format(current.ntp()),
                value -> validator.ntpServers(ServerList.parse(value))));
        String user = prompter.ask("Web administration username", "admin", Syntax::username);
        char[] password = PasswordPolicy.askNew(prompter, user, "Web administration password");
        String passwordHash = PasswordHash.hash(password);
        Arrays.fill(password, '\0');
        boolean reports = prompter.yesNo("Enable incident reporting", false);
        String contact = reports ? prompter.ask("Contact email address for incident reports", "", Syntax::email) : null;
        boolean analytics = prompter.yesNo("Send deployment and usage statistics", false);
        return new Answers(hostname, domain, ip, mask, gateway, dns, ntp, user, passwordHash, adminPassword,
                reports, analytics, contact);
    }

    /** Shows the answers and asks to apply them. */
    boolean confirm(Answers answers) {
        prompter.say("");
        prompter.say("Summary");
        row("IP address", answers.ip());
        row("Network mask", answers.mask());
        row("Gateway", answers.gw());
        row("Hostname", answers.hostname());
        row("Domain suffix", answers.domain());
        row("DNS servers", ServerList.format(answers.dns()));
        row("NTP servers", ServerList.format(answers.ntp()));
        row("Web administration username", answers.user());
        row("Web administration password", "(set)");
        row("Enable incident reporting", answers.errorReports() ? "yes (" + answers.contactEmailAddress() + ")" : "no");
        row("Send deployment and usage statistics", answers.enableAnalytics() ? "yes" : "no");
        prompter.say("");
        return prompter.yesNo("Write this configuration and restart the node", false);
    }

    private void row(String label, String value) {
        prompter.say(String.format("  %-38s %s", label, Optional.ofNullable(value).orElse("")));
    }
}
