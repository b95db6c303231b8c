package dev.confab.management.resource.catalog;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * What {@code status/management_vm} says of the Management Node's own process and host, measured
 * once when it starts. Immutable.
 *
 * @param version    the software version ("development" when not run from a release)
 * @param bootTime   when the Management Node started
 * @param cpuCount   the host's CPUs
 * @param totalRamKb the host's memory in KB, as the reference gives {@code total_ram}
 */
public record ManagementNodeFacts(String version, Instant bootTime, int cpuCount, long totalRamKb) {

    /** The facts of this process, started at {@code bootTime}. */
    public static ManagementNodeFacts ofThisProcess(Instant bootTime) {
        String version = ManagementNodeFacts.class.getPackage().getImplementationVersion();
        long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return new ManagementNodeFacts(version == null ? "development" : version, bootTime,
                Runtime.getRuntime().availableProcessors(), bytes / 1024);
    }
}
