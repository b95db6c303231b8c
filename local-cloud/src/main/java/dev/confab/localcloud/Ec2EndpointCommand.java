package dev.confab.localcloud;

import dev.confab.localcloud.callgen.Durations;
import dev.confab.localcloud.ec2.AccessKey;
import dev.confab.localcloud.ec2.Ec2Endpoint;
import dev.confab.localcloud.ec2.Ec2EndpointConfig;
import dev.confab.localcloud.ec2.InstanceFile;
import dev.confab.localcloud.ec2.InstanceView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code confab ec2-endpoint}: the EC2-compatible endpoint as a process of its own, serving the
 * instances of an instance file (see {@link InstanceFile}), each running its Conferencing Node as a
 * child process while the instance is up. Runs until SIGTERM or Ctrl-C, then stops every node it
 * started.
 */
@Command(name = "ec2-endpoint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve an EC2-compatible endpoint (DescribeInstances, StartInstances, StopInstances,"
                + " DescribeInstanceStatus; Signature Version 4 checked) over plain HTTP on loopback, for the"
                + " instances declared in --instances. Starting an instance starts the Conferencing Node it runs;"
                + " stopping it stops the node.", "Runs until Ctrl-C or SIGTERM, then stops every node it started."})
public final class Ec2EndpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--instances", required = true, paramLabel = "FILE",
            description = "JSON file of the instances: {\"instances\": [{\"private_ip\": …, \"state\": \"stopped\","
                    + " \"tags\": {…}, \"node\": {\"data\": …, \"system_root\": …}}]}.")
    Path instances;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on; keep it on loopback, the endpoint speaks plain HTTP"
                    + " (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Write the bound port here once the endpoint serves (for whoever started it with --port 0).")
    Path portFile;

    @Option(names = "--region", defaultValue = "us-east-1",
            description = "The region requests must be signed for (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--access-key-id", required = true, description = "The access key ID the endpoint accepts.")
    String accessKeyId;

    @Option(names = "--secret-key-file", required = true, paramLabel = "FILE",
            description = "File holding that key's secret access key (its first line).")
    Path secretKeyFile;

    @Option(names = "--boot-delay", defaultValue = "5s", converter = SecondsConverter.class, paramLabel = "DURATION",
            description = "How long a started instance stays pending at least (default: ${DEFAULT-VALUE}).")
    Duration bootDelay;

    @Option(names = "--stop-delay", defaultValue = "2s", converter = SecondsConverter.class, paramLabel = "DURATION",
            description = "How long a stopped instance stays stopping at least (default: ${DEFAULT-VALUE}).")
    Duration stopDelay;

    @Override
    public Integer call() throws Exception {
        String secret = readSecret();
        List<InstanceFile.Entry> entries;
        try {
            entries = InstanceFile.read(instances);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ChildProcesses children = new ChildProcesses();
        Ec2Endpoint endpoint = Ec2Endpoint.create(Ec2EndpointConfig.defaults().withBind(bind, port)
                .withRegion(region).withKey(AccessKey.allowingEverything(accessKeyId, secret))
                .withDelays(bootDelay, stopDelay));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.stop();
            children.stopAll();
            stopped.countDown();
        }, "confab-ec2-endpoint-stop"));
        List<String> ids = InstanceFile.declareAll(endpoint, entries, node -> new NodeProcessMachine(children, node));
        endpoint.start();
        if (portFile != null) {
            Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(endpoint.port()));
            Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("EC2-compatible endpoint at " + endpoint.uri() + " for region " + region + ":");
        for (String id : ids) {
            InstanceView instance = endpoint.instance(id);
            System.out.println("  " + id + " " + instance.privateIp() + " " + instance.state().ec2Name()
                    + " " + instance.tags());
        }
        stopped.await();
        return 0;
    }

    private String readSecret() throws IOException {
        if (!Files.isReadable(secretKeyFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--secret-key-file " + secretKeyFile
                    + " cannot be read: give a file holding the secret access key.");
        }
        String secret = Files.readString(secretKeyFile).lines().findFirst().orElse("").strip();
        if (secret.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--secret-key-file " + secretKeyFile
                    + " is empty: its first line is the secret access key.");
        }
        return secret;
    }

    /** {@code 5s}, {@code 500ms} or {@code 2m} as a duration. */
    static final class SecondsConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }
}
