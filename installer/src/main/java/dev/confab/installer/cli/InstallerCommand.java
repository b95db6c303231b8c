package dev.confab.installer.cli;

import dev.confab.installer.InstallerConfig;
import dev.confab.installer.InstallerException;
import dev.confab.installer.answers.Answers;
import dev.confab.installer.answers.AnswersJson;
import dev.confab.installer.packaging.AppliancePaths;
import dev.confab.installer.probe.ProbeConfig;
import dev.confab.installer.unattended.NoMetadataServiceException;
import dev.confab.installer.unattended.UnattendedInstall;
import dev.confab.installer.unattended.UserDataClient;
import dev.confab.installer.wizard.LoginFlow;
import dev.confab.installer.wizard.Prompter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code confab installer}: installs a Management Node. Without a source of answers it is the
 * {@code admin} user's login program (set the password, then the wizard); with {@code --answers}
 * or {@code --user-data} it installs unattended.
 */
@Command(name = "installer", mixinStandardHelpOptions = true,
        description = "Install a Management Node: the admin's first-login wizard, or unattended from answers.")
public final class InstallerCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--answers", description = "Install unattended from this management_node_config JSON file.")
        Path answers;

        @Option(names = "--user-data", description = "Install unattended from the instance's user data (IMDSv2),"
                + " if it holds management_node_config; otherwise do nothing.")
        boolean userData;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--data", defaultValue = AppliancePaths.MANAGEMENT_DATA,
            description = "Data directory of the Management Node (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--system-root", defaultValue = AppliancePaths.SYSTEM_ROOT,
            description = "Root under which network, time and account files are written (default: ${DEFAULT-VALUE}).")
    Path systemRoot;

    @Option(names = "--reset", description = "Install again over an installed node.")
    boolean reset;

    @Option(names = "--restart-command", defaultValue = AppliancePaths.RESTART_COMMAND,
            description = "Command that puts the installed node into service (default: ${DEFAULT-VALUE}).")
    String restartCommand;

    @Option(names = "--metadata-url", defaultValue = "http://169.254.169.254/",
            description = "Base URL of the instance metadata service (default: ${DEFAULT-VALUE}).")
    URI metadataUrl;

    @Option(names = "--dns-port", defaultValue = "53", description = "UDP port DNS servers are checked on.")
    int dnsPort;

    @Option(names = "--ntp-port", defaultValue = "123", description = "UDP port NTP servers are checked on.")
    int ntpPort;

    @Option(names = "--probe-timeout-ms", defaultValue = "3000",
            description = "How long a DNS or NTP server has to answer (default: ${DEFAULT-VALUE}).")
    long probeTimeoutMs;

    @Override
    public Integer call() throws Exception {
        InstallerConfig config = new InstallerConfig(data, systemRoot, List.of(restartCommand.trim().split("\\s+")),
                new ProbeConfig(dnsPort, ntpPort, Duration.ofMillis(probeTimeoutMs)), reset, Clock.systemUTC());
        if (source.answers == null && !source.userData) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return new LoginFlow(config, new Prompter(terminal)).run();
            }
        }
        try {
            Optional<String> json = source.answers != null
                    ? Optional.of(Files.readString(source.answers, StandardCharsets.UTF_8))
                    : new UserDataClient(metadataUrl).userData().filter(AnswersJson::holdsManagementConfig);
            if (json.isEmpty()) {
                System.out.println("The user data holds no " + AnswersJson.USER_DATA_KEY
                        + "; the installation wizard runs at the admin's SSH login.");
                return 0;
            }
            Answers answers = new UnattendedInstall(config).install(json.get());
            System.out.println("Installed " + answers.fqdn() + " (" + answers.ip() + "); configuration in "
                    + config.configurationFile() + ".");
            return 0;
        } catch (NoMetadataServiceException e) {
            // a plain host, not an instance: first boot has nothing to do, and must not fail the boot
            System.out.println(e.getMessage() + " The installation wizard runs at the admin's SSH login.");
            return 0;
        } catch (InstallerException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
