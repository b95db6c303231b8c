package dev.confab.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of one agent process, served at {@code /metrics} in the Prometheus text format: the
 * agent's own meters (named {@code confab.*}, which Prometheus sees as {@code confab_*}) beside the
 * JVM's and the process's (memory, garbage collection, threads, classes, CPU, uptime, open files).
 * Components register their meters on {@link #registry()} once, at start, and keep them, so that
 * recording is a plain increment on the hot path. Thread-safe; {@link #close()} stops the GC listener.
 */
public final class AgentMetrics implements AutoCloseable {

    /** The content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private AgentMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** A registry with the JVM and process meters bound. */
    public static AgentMetrics create() {
        return new AgentMetrics();
    }

    /**
     * A registry that keeps nothing: every meter registered on it is a no-op. For components started
     * without metrics (tests, tools), so that they record unconditionally.
     */
    public static MeterRegistry none() {
        return new CompositeMeterRegistry();
    }

    /** Where the agent's components register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter's current value in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
