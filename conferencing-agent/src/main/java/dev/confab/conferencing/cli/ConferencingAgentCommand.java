package dev.confab.conferencing.cli;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.shared.ipsec.IpsecOptions;
import dev.confab.conferencing.admission.AdmissionConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code confab conferencing-agent}: runs a Conferencing Node agent until it is stopped or restarts. */
@Command(name = "conferencing-agent", mixinStandardHelpOptions = true,
        description = {"Run a Conferencing Node agent. Unconfigured, it serves the upload page on https://ADDRESS:8443/;"
                + " once configured it restarts (exit code 75 unless --restart-command is given: run it again then)."})
public final class ConferencingAgentCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory (node key, certificate).")
    Path data;

    @Option(names = "--system-root", required = true,
            description = "Where OS configuration files are rendered (/ on an appliance).")
    Path systemRoot;

    @Option(names = "--bind", required = true, description = "This node's address; listeners bind to it.")
    String bind;

    @Option(names = "--provisioning-port", defaultValue = "8443",
            description = "Port of the upload page (default: ${DEFAULT-VALUE}).")
    int provisioningPort;

    @Option(names = "--client-api-port", defaultValue = "443",
            description = "Port of the client API (HTTPS with the node's certificate) once configured; 0 serves none"
                    + " (default: ${DEFAULT-VALUE}; below 1024 needs root).")
    int clientApiPort;

    @Option(names = "--node-port", defaultValue = "9443",
            description = "Port of the node-to-node listener once configured (mutual TLS: capacity reservations,"
                    + " disconnections; default: ${DEFAULT-VALUE}).")
    int nodePort;

    @Option(names = "--token-lifetime-seconds", defaultValue = "120",
            description = "How long a client API token is valid unless refreshed (default: ${DEFAULT-VALUE}).")
    long tokenLifetimeSeconds;

    @Option(names = "--instance-type", defaultValue = "",
            description = "Size the node's capacity as this EC2 instance type (e.g. c5.2xlarge: 17 HD calls) when no"
                    + " --imds-url says; by default it is sized by the CPU count.")
    String instanceType;

    @Option(names = "--imds-url", defaultValue = "",
            description = "Instance metadata service (IMDSv2): the user data at first boot and the instance type that"
                    + " sizes capacity, e.g. http://169.254.169.254.")
    String imdsUrl;

    @Option(names = "--restart-command", split = " ",
            description = "Command that restarts the node once configured (or enrolled again), e.g. 'systemctl reboot'.")
    List<String> restartCommand = new ArrayList<>();

    @Mixin
    IpsecOptions ipsec = new IpsecOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (clientApiPort < 0 || clientApiPort > 65535 || nodePort < 0 || nodePort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Ports are 0 to 65535.");
        }
        if (tokenLifetimeSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token-lifetime-seconds must be at least 1.");
        }
        ConferencingConfig config = ConferencingConfig.defaults(data, systemRoot, bind)
                .withProvisioningPort(provisioningPort).withImds(imdsUrl).withRestartCommand(restartCommand)
                .withIpsec(ipsec.settings(data)).withInstanceType(instanceType)
                .withAdmission(new AdmissionConfig(clientApiPort == 0 ? -1 : clientApiPort, nodePort,
                        Duration.ofSeconds(tokenLifetimeSeconds)));
        ConferencingAgent agent = ConferencingAgent.create(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            stopped.countDown();
        }, "confab-shutdown"));
        System.out.println("Conferencing Node " + (agent.isConfigured() ? "configured" : "unconfigured")
                + ", serving https://" + bind + ":" + agent.provisioningPort() + "/");
        stopped.await();
        return 0;
    }
}
