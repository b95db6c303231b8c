package dev.confab.conferencing.cli;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.shared.ipsec.IpsecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    @Option(names = "--imds-url", defaultValue = "",
            description = "Instance metadata service (IMDSv2): the user data at first boot and the instance type that"
                    + " sizes capacity, e.g. http://169.254.169.254.")
    String imdsUrl;

    @Option(names = "--restart-command", split = " ",
            description = "Command that restarts the node once configured (or enrolled again), e.g. 'systemctl reboot'.")
    List<String> restartCommand = new ArrayList<>();

    @Mixin
    IpsecOptions ipsec = new IpsecOptions();

    @Override
    public Integer call() throws Exception {
        ConferencingConfig config = ConferencingConfig.defaults(data, systemRoot, bind)
                .withProvisioningPort(provisioningPort).withImds(imdsUrl).withRestartCommand(restartCommand)
                .withIpsec(ipsec.settings(data));
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
