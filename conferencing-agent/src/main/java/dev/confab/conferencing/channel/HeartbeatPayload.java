package dev.confab.conferencing.channel;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What this node reports in each heartbeat: its version and boot time, the revision its replica
 * holds, its capacity sized for its EC2 instance type (by its CPU count while the type is unknown or
 * off EC2), its load and the calls it signals (as its call admission counts them), its
 * maintenance mode as applied, CPUs and memory, and its listeners' ports. Thread-safe.
 */
final class HeartbeatPayload implements Supplier<Heartbeat> {

    private final Replica replica;
    private final String bootTime;
    private final Supplier<String> instanceType;
    private volatile CallsReporter calls = CallsReporter.NONE;
    private final int cpuCount = Runtime.getRuntime().availableProcessors();
    private final long memoryMb = totalMemoryMb();

    HeartbeatPayload(Replica replica, Instant bootTime, Supplier<String> instanceType) {
        this.replica = replica;
        this.bootTime = bootTime.toString();
        this.instanceType = instanceType;
    }

    @Override
    public Heartbeat get() {
        CallsReporter reporter = calls;
        // the calls are read before the load: a call placed meanwhile shows in the load, never the other way round
        Heartbeat.Calls signalled = reporter.calls();
        return new Heartbeat(version(), bootTime, replica.fetched() ? replica.config().revision() : 0,
                capacity(), reporter.load(), replica.maintenanceMode(), cpuCount, memoryMb, signalled,
                reporter.endpoints());
    }

    /** What the node can host, as its heartbeats report it. */
    Capacity capacity() {
        return Capacity.of(instanceType.get(), cpuCount);
    }

    void attach(CallsReporter reporter) {
        calls = reporter;
    }

    CallsReporter reporter() {
        return calls;
    }

    /** The instance type the capacity is sized for; empty while unknown. */
    String instanceType() {
        return instanceType.get();
    }

    static String version() {
        String version = HeartbeatPayload.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static long totalMemoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
