package dev.confab.shared.metrics;

import dev.confab.shared.testing.PrometheusText;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentMetricsTest {

    @Test
    void scrapesConfabsMetersBesideTheJvmsAndTheProcesssInTheTextFormat() {
        try (AgentMetrics metrics = AgentMetrics.create()) {
            Counter.builder("confab.things.done").register(metrics.registry()).increment(3);

            PrometheusText scraped = PrometheusText.parse(metrics.scrape());

            assertEquals(3, scraped.sum("confab_things_done_total"));
            for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds",
                    "process_files_open_files"}) {
                assertTrue(scraped.has(name), name + " in " + scraped.names());
            }
        }
    }

    @Test
    void aRegistryOfNoneKeepsNothing() {
        Counter counter = Counter.builder("confab.things.done").register(AgentMetrics.none());
        counter.increment();

        assertEquals(0, counter.count());
    }
}
