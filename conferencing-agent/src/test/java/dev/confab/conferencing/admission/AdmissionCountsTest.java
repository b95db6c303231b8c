package dev.confab.conferencing.admission;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdmissionCountsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AdmissionCounts counts = new AdmissionCounts(registry);

    private Map<String, Double> byResult() {
        Map<String, Double> counted = new TreeMap<>();
        registry.find("confab.admissions").counters().forEach(counter -> counted.put(counter.getId().getTag("result"),
                counter.count()));
        return counted;
    }

    private void refused(AdmissionException refusal) {
        AdmissionException thrown = assertThrows(AdmissionException.class, () -> counts.count(() -> {
            throw refusal;
        }));
        assertSame(refusal, thrown, "the refusal goes on to be answered");
    }

    @Test
    void countsEachRequestUnderItsResultFromZero() throws Exception {
        assertEquals(Map.of("admitted", 0.0, "capacity_exceeded", 0.0, "unavailable", 0.0, "not_found", 0.0,
                "forbidden", 0.0, "bad_request", 0.0, "error", 0.0), byResult(), "every result is there from the start");

        counts.count(() -> { });
        counts.count(() -> { });
        refused(AdmissionException.capacityExceeded("Loopback is full"));
        refused(AdmissionException.unavailable("licence unavailable: the Management Node cannot be reached"));
        refused(AdmissionException.notFound("no room has the alias"));
        refused(AdmissionException.forbidden("invalid PIN"));
        refused(AdmissionException.badField("display_name", "required"));
        assertThrows(IllegalStateException.class, () -> counts.count(() -> {
            throw new IllegalStateException("broken");
        }));

        assertEquals(Map.of("admitted", 2.0, "capacity_exceeded", 1.0, "unavailable", 1.0, "not_found", 1.0,
                "forbidden", 1.0, "bad_request", 1.0, "error", 1.0), byResult());
    }
}
