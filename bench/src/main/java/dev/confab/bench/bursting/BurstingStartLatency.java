package dev.confab.bench.bursting;

import dev.confab.bench.LatencyRecorder;
import dev.confab.localcloud.BurstingPlatform;
import dev.confab.localcloud.ec2.Ec2Call;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * From the admitted call that crosses the bursting threshold to StartInstances on the wire, over
 * real processes: a {@link BurstingPlatform} (Management Node and Conferencing Nodes as processes,
 * the EC2-compatible endpoint in this JVM). Each repetition makes HD calls through the always-on
 * node until Loopback's free HD calls reach the threshold, takes the time the crossing call's answer
 * arrived here and the time the endpoint received the successful StartInstances (one clock: this
 * JVM's), ends the calls and waits until the started node has been stopped and bursting has seen it
 * stopped. Prints p50, p99 and max. Run with {@code bench/bursting-start.sh}.
 */
@Command(name = "bursting-start-latency", mixinStandardHelpOptions = true)
public final class BurstingStartLatency implements Callable<Integer> {

    @Option(names = "--repetitions", defaultValue = "30",
            description = "thresholds crossed (default: ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--min-lifetime", defaultValue = "5",
            description = "seconds a started node runs at least before it is stopped again (default: ${DEFAULT-VALUE})")
    int minLifetimeSeconds;

    @Option(names = "--boot-delay-ms", defaultValue = "1000",
            description = "how long a started instance stays pending (default: ${DEFAULT-VALUE})")
    long bootDelayMillis;

    @Option(names = "--threshold", defaultValue = "1", description = "bursting threshold in free HD calls"
            + " (default: ${DEFAULT-VALUE}; Loopback's node holds 4 HD calls)")
    int threshold;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BurstingStartLatency()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("confab-bursting-start-bench");
        // nodes 210 and 211: away from a running demo's nodes and the client API benchmark's
        BurstingPlatform.Options options = new BurstingPlatform.Options(dir, 210, 1, "c5.large", threshold,
                Duration.ofSeconds(minLifetimeSeconds), Duration.ofMillis(bootDelayMillis), Duration.ofSeconds(2));
        System.out.println("Starting the platform in " + dir + " …");
        try (BurstingPlatform platform = BurstingPlatform.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "bench-stop"));
            String instance = platform.instanceIds().get(0);
            LatencyRecorder latencies = new LatencyRecorder();
            double least = Double.MAX_VALUE;
            for (int i = 1; i <= repetitions; i++) {
                platform.awaitQuiet(Duration.ofSeconds(180));
                int mark = platform.endpoint().calls().size();
                List<BurstingPlatform.Admitted> calls = platform.callUntilThreshold();
                Instant answered = calls.get(calls.size() - 1).answeredAt();
                Optional<Ec2Call> start = awaitStart(platform, mark, instance, Duration.ofSeconds(30));
                for (BurstingPlatform.Admitted call : calls) {
                    platform.release(call);
                }
                if (start.isEmpty()) {
                    latencies.error();
                    System.out.printf(Locale.ROOT, "%3d  %d calls, no StartInstances within 30 s%n", i, calls.size());
                    continue;
                }
                long nanos = Duration.between(answered, start.get().time()).toNanos();
                latencies.record(nanos);
                least = Math.min(least, nanos / 1e6);
                System.out.printf(Locale.ROOT, "%3d  %d calls, StartInstances %.1f ms after the crossing call's"
                        + " answer%n", i, calls.size(), nanos / 1e6);
            }
            System.out.printf(Locale.ROOT, "%nCrossing call answered → StartInstances received, %d repetitions"
                            + " (%d without a start): p50 %.0f ms, p99 %.0f ms, max %.0f ms, min %.0f ms%n",
                    latencies.count(), latencies.errors(), latencies.percentileMillis(0.50),
                    latencies.percentileMillis(0.99), latencies.percentileMillis(1.0),
                    latencies.count() == 0 ? 0 : least);
            return latencies.errors() == 0 ? 0 : 1;
        }
    }

    /** The successful StartInstances of {@code instance} among the calls after the first {@code mark}. */
    private static Optional<Ec2Call> awaitStart(BurstingPlatform platform, int mark, String instance,
                                                Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Ec2Call> calls = platform.endpoint().calls();
            Optional<Ec2Call> start = calls.subList(mark, calls.size()).stream()
                    .filter(call -> call.action().equals("StartInstances") && call.succeeded()
                            && instance.equals(call.parameters().get("InstanceId.1"))).findFirst();
            if (start.isPresent()) {
                return start;
            }
            Thread.sleep(10);
        }
        return Optional.empty();
    }
}
