package dev.confab.management.cli;

import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.shared.ipsec.IpsecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code confab management-agent}: runs a Management Node until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "management-agent", mixinStandardHelpOptions = true,
        description = "Run the Management Node: administrator interface, management API and node channel.")
public final class ManagementAgentCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory (store, keys, certificates).")
    Path data;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--https-port", defaultValue = "443",
            description = "Port of the administrator interface and API (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--node-port", defaultValue = "9443", description = "Port of the node channel (default: ${DEFAULT-VALUE}).")
    int nodePort;

    @Option(names = "--admin-user", defaultValue = "admin",
            description = "Web administration user created at first start (default: ${DEFAULT-VALUE}).")
    String adminUser;

    @Option(names = "--admin-password-file",
            description = "File holding the password of that user, read only while the store has no web administration"
                    + " account (the first start); delete it afterwards. Keep it mode 0600.")
    Path adminPasswordFile;

    @Option(names = "--web-idle-minutes", defaultValue = "30",
            description = "Minutes an administrator interface session lasts without a request (default: ${DEFAULT-VALUE}).")
    long webIdleMinutes;

    @Mixin
    IpsecOptions ipsec = new IpsecOptions();

    @Option(names = "--heartbeat-interval-ms", defaultValue = "10000",
            description = "How often nodes send heartbeats, in ms; 3 missed intervals raise an alarm"
                    + " (default: ${DEFAULT-VALUE}).")
    long heartbeatMillis;

    @Option(names = "--bursting-min-lifetime-seconds",
            description = "Minimum lifetime of a started overflow node, in seconds, replacing the global setting"
                    + " bursting_min_lifetime (whose least is 5 minutes): for demonstrations and tests.")
    Long burstingMinLifetimeSeconds;

    @Option(names = "--bursting-tick-seconds",
            description = "How often, at least, the bursting policy runs and describes the EC2 instances anew, in"
                    + " seconds (default 10): shorter for demonstrations and tests, which then see a started or"
                    + " stopped instance sooner.")
    Long burstingTickSeconds;

    @Override
    public Integer call() throws Exception {
        ManagementAgent agent = ManagementAgent.create(config()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            stopped.countDown();
        }, "confab-shutdown"));
        System.out.println("Management Node ready on https://" + bind + ":" + agent.httpsPort() + "/");
        stopped.await();
        return 0;
    }

    /** The settings the options give. */
    ManagementConfig config() {
        ManagementConfig config = ManagementConfig.defaults(data).withBind(bind, httpsPort, nodePort)
                .withWebIdle(java.time.Duration.ofMinutes(webIdleMinutes)).withIpsec(ipsec.settings(data))
                .withHeartbeat(java.time.Duration.ofMillis(heartbeatMillis));
        if (burstingMinLifetimeSeconds != null) {
            if (burstingMinLifetimeSeconds < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--bursting-min-lifetime-seconds must be at least 1, not " + burstingMinLifetimeSeconds);
            }
            config = config.withBursting(config.bursting().withMinLifetime(
                    java.time.Duration.ofSeconds(burstingMinLifetimeSeconds)));
        }
        if (burstingTickSeconds != null) {
            if (burstingTickSeconds < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--bursting-tick-seconds must be at least 1, not " + burstingTickSeconds);
            }
            config = config.withBursting(config.bursting().withTick(java.time.Duration.ofSeconds(burstingTickSeconds)));
        }
        if (adminPasswordFile != null) {
            config = config.withInitialAdmin(adminUser, new AdminPasswordFile(adminPasswordFile),
                    adminPasswordFile.toString());
        }
        return config;
    }
}
