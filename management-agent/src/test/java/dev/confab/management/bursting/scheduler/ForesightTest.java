package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.LocationStatus;
import dev.confab.management.bursting.StartLatency;
import dev.confab.management.calls.CallFlow;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.store.WorkerVmEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the scheduler plans ahead with on a real store: the planning options of the global
 * settings, the calls the location's nodes admitted lately, and the starts the Conferencing Node
 * history measured.
 */
@Timeout(30)
class ForesightTest {

    private ScheduledPlatform platform;
    private BurstingScheduler scheduler;

    @BeforeEach
    void open(@TempDir Path dir) {
        platform = new ScheduledPlatform(dir);
        scheduler = platform.scheduler(BurstingConfig.defaults());
    }

    @AfterEach
    void close() {
        scheduler.close();
        platform.close();
    }

    private List<String> starts() {
        return platform.cloud.calls().stream().filter(call -> call.startsWith("StartInstances")).toList();
    }

    private LocationStatus london() {
        BurstingDecision decision = scheduler.lastDecision().orElseThrow();
        return decision.monitored().stream().filter(status -> status.name().equals("London")).findFirst()
                .orElseThrow();
    }

    /** 30 HD calls admitted by London's node within the last 10 minutes: 3 a minute. */
    private void londonAdmitsThreeAMinute() {
        platform.clock.advance(ForesightReader.ARRIVAL_WINDOW);
        platform.flow.put(platform.londonNode, new CallFlow.Counts(30, 0));
    }

    @Test
    void latencyAwareSettingStartsANodeWhileFreeCapacityStillAboveTheConfiguredThreshold() {
        platform.patchGlobal(Map.of("bursting_latency_aware", true));
        londonAdmitsThreeAMinute();
        platform.report(platform.londonNode, 5, 2);

        scheduler.run(true);

        assertEquals(15, london().effectiveThreshold(), "3 HD calls a minute over the assumed 5-minute start");
        assertEquals(OptionalDouble.of(4.0), london().minutesToExhaustion(), "12 free HD calls at 3 a minute");
        assertEquals(List.of("StartInstances i-a"), starts());
        Map<String, Object> row = platform.rows("SELECT effective_threshold, minutes_to_exhaustion"
                + " FROM cloud_monitored_location_status WHERE name = 'London'").get(0);
        assertEquals(15, ((Number) row.get("effective_threshold")).intValue());
        assertEquals(4, ((Number) row.get("minutes_to_exhaustion")).intValue());
    }

    @Test
    void withoutArrivalsTheStatusHasNoTimeToExhaustion() {
        platform.patchGlobal(Map.of("bursting_latency_aware", true));
        platform.report(platform.londonNode, 5, 2);

        scheduler.run(true);

        Map<String, Object> row = platform.rows("SELECT effective_threshold, minutes_to_exhaustion"
                + " FROM cloud_monitored_location_status WHERE name = 'London'").get(0);
        assertEquals(5, ((Number) row.get("effective_threshold")).intValue());
        assertEquals(null, row.get("minutes_to_exhaustion"));
        assertEquals(List.of(), starts());
    }

    @Test
    void withoutTheSettingTheConfiguredThresholdDecidesThoughArrivalsAreCounted() {
        londonAdmitsThreeAMinute();
        platform.report(platform.londonNode, 5, 2);

        scheduler.run(true);

        assertEquals(5, london().effectiveThreshold());
        assertEquals(OptionalDouble.of(4.0), london().minutesToExhaustion());
        assertEquals(List.of(), starts());
    }

    @Test
    void assumedStartLatencySettingScalesTheEffectiveThreshold() {
        platform.patchGlobal(Map.of("bursting_latency_aware", true, "bursting_assumed_start_latency", 2));
        londonAdmitsThreeAMinute();
        platform.report(platform.londonNode, 5, 2);

        scheduler.run(true);

        assertEquals(6, london().effectiveThreshold(), "3 HD calls a minute over a 2-minute start");
        assertEquals(List.of(), starts(), "12 free HD calls are above 6");
    }

    @Test
    void aStartMeasuredInTheHistoryReplacesTheAssumedLatency() {
        platform.patchGlobal(Map.of("bursting_latency_aware", true));
        platform.report(platform.londonNode, 13, 3);
        scheduler.run(true);
        assertEquals(List.of("StartInstances i-a"), starts());
        platform.clock.advance(Duration.ofMinutes(7));
        platform.report(platform.londonNode, 5, 2);
        platform.report(platform.overflowA, 0, 0);
        scheduler.run(true);
        assertEquals(1, platform.rows("SELECT * FROM workervm_status_event WHERE event_type = 'running'").size());

        londonAdmitsThreeAMinute();
        platform.report(platform.londonNode, 5, 2);
        platform.report(platform.overflowA, 0, 0);
        scheduler.run(true);

        assertEquals(21, london().effectiveThreshold(), "3 HD calls a minute over the measured 7-minute start");
    }

    @Test
    void aStoredScheduleStartsTheOverflowNodesAheadOfItsPeak() {
        // 2026-03-01 is a Sunday; 09:00 UTC is 09:00 in London
        platform.create(ResourceNames.BURSTING_SCHEDULE, Map.of("name", "sunday 9:15", "system_location",
                "/api/admin/configuration/v1/system_location/" + platform.overflow + "/", "days", "sun",
                "peak_time", "09:15", "time_zone", "Europe/London", "nodes", 2, "lead_minutes", 20));
        platform.report(platform.londonNode, 0, 0);

        scheduler.run(true);

        assertEquals(2, starts().size(), "London is nearly idle, but the schedule asks for two nodes: " + starts());
    }

    @Test
    void aScheduleWithAnUnknownTimeZoneOrDayIsRefusedSayingWhatToGive() {
        ValidationException refused = assertThrows(ValidationException.class, () -> platform.create(
                ResourceNames.BURSTING_SCHEDULE, Map.of("name", "bad", "system_location",
                        "/api/admin/configuration/v1/system_location/" + platform.overflow + "/", "days", "mon,funday",
                        "peak_time", "9:00", "time_zone", "GMT+1")));

        String errors = refused.fields().toString();
        assertTrue(errors.contains("IANA time zone"), errors);
        assertTrue(errors.contains("not a list of days"), errors);
        assertTrue(errors.contains("HH:MM"), errors);
    }

    @Test
    void aStartIsMeasuredFromItsStartToItsRunningEventKeepingTheNewestThreePerNode() {
        List<WorkerVmEvent> events = List.of(
                event("2026-03-01T09:00:00", "start", "i-a", 2L),
                event("2026-03-01T09:04:00", "running", "i-a", 2L),
                event("2026-03-01T10:00:00", "start", "i-b", 3L),
                event("2026-03-01T11:00:00", "start", "i-a", 2L),
                event("2026-03-01T11:06:00", "running", "i-a", 2L),
                event("2026-03-01T12:00:00", "running", "i-b", 3L),
                event("2026-03-01T13:00:00", "start", "i-a", 2L),
                event("2026-03-01T13:03:00", "running", "i-a", 2L),
                event("2026-03-01T14:00:00", "start", "i-a", 2L),
                event("2026-03-01T14:05:00", "running", "i-a", 2L),
                event("2026-03-01T14:09:00", "running", "i-a", 2L));

        List<StartLatency> latencies = ForesightReader.latencies(events);

        assertEquals(List.of(Duration.ofMinutes(6), Duration.ofMinutes(3), Duration.ofMinutes(5),
                Duration.ofMinutes(120)), latencies.stream().map(StartLatency::total).toList(),
                "node 2's newest three starts, a running event without a start ignored; node 3's one");
        assertTrue(latencies.stream().filter(latency -> latency.nodeId() == 3).count() == 1);
    }

    private static WorkerVmEvent event(String at, String type, String instance, Long node) {
        return new WorkerVmEvent(at, type, type, "bursting", "", "10.0.1.1", node, "n", "Overflow", instance, "");
    }
}
