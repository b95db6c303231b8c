package dev.confab.conferencing.cloud;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's EC2 instance type, which sizes its capacity: read once from the instance metadata
 * service in the background (the node reports its CPU count's capacity until then), retried with
 * a growing pause while the service does not answer. Empty without a metadata service. Thread-safe.
 */
public final class InstanceType implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceType.class);
    private static final int ATTEMPTS = 5;

    private volatile String type = "";

    private InstanceType() {
    }

    /** No metadata service: the capacity follows the CPU count. */
    public static InstanceType none() {
        return new InstanceType();
    }

    /** Starts reading the type from {@code metadata} on a daemon thread. */
    public static InstanceType lookUp(InstanceMetadata metadata) {
        InstanceType holder = new InstanceType();
        Thread thread = new Thread(() -> holder.read(metadata), "confab-instance-type");
        thread.setDaemon(true);
        thread.start();
        return holder;
    }

    private void read(InstanceMetadata metadata) {
        Duration pause = Duration.ofSeconds(1);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                metadata.instanceType().ifPresentOrElse(found -> {
                    type = found;
                    LOG.info("Instance type {}: capacity is sized for it", found);
                }, () -> LOG.info("The metadata service names no instance type; capacity follows the CPU count"));
                return;
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warn("No instance type from {} after {} attempts ({}); capacity follows the CPU count",
                            metadata.baseUrl(), ATTEMPTS, e.getMessage());
                    return;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The type, or empty while unknown. */
    @Override
    public String get() {
        return type;
    }
}
