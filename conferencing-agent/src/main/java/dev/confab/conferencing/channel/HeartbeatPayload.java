package dev.confab.conferencing.channel;

import dev.confab.shared.capacity.Capacity;
import dev.confab.shared.wire.Heartbeat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What this node reports in each heartbeat: its version and boot time, the revision its replica
 * holds, its capacity sized for its EC2 instance type (by its CPU count while the type is unknown or
 * off EC2), its load (idle until a media engine reports one), its
 * maintenance mode as applied, CPUs and memory. Thread-safe.
 */
final class HeartbeatPayload implements Supplier<Heartbeat> {

    private final Replica replica;
    private final String bootTime;
    private final Supplier<String> instanceType;
    private final int cpuCount = Runtime.getRuntime().availableProcessors();
    private final long memoryMb = totalMemoryMb();

    HeartbeatPayload(Replica replica, Instant bootTime, Supplier<String> instanceType) {
        this.replica = replica;
        this.bootTime = bootTime.toString();
        this.instanceType = instanceType;
    }

    @Override
    public Heartbeat get() {
        return new Heartbeat(version(), bootTime, replica.fetched() ? replica.config().revision() : 0,
                Capacity.of(instanceType.get(), cpuCount), Heartbeat.Load.idle(), replica.maintenanceMode(), cpuCount, memoryMb);
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
