package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.ManualStartOutcome;
import dev.confab.management.cloud.CloudFailure;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.Ec2Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler over a real store and an in-process EC2: what it starts and stops, what it records
 * in the history and the status tables, and what it refuses to do on missing or stale data.
 */
@Timeout(30)
class BurstingSchedulerTest {

    private static final BurstingConfig MINUTE_LIFETIME = BurstingConfig.defaults().withMinLifetime(
            Duration.ofSeconds(60));

    private ScheduledPlatform platform;
    private BurstingScheduler scheduler;

    @BeforeEach
    void open(@TempDir Path dir) {
        platform = new ScheduledPlatform(dir);
        scheduler = platform.scheduler(MINUTE_LIFETIME);
    }

    @AfterEach
    void close() {
        scheduler.close();
        platform.close();
    }

    private List<String> starts() {
        return platform.cloud.calls().stream().filter(call -> call.startsWith("StartInstances")).toList();
    }

    private List<String> stops() {
        return platform.cloud.calls().stream().filter(call -> call.startsWith("StopInstances")).toList();
    }

    private List<Map<String, Object>> history() {
        return platform.rows("SELECT event_type, state, context, details, cloud_instance_id, error_code,"
                + " workervm_configuration_name, workervm_configuration_location_name FROM workervm_status_event"
                + " ORDER BY id");
    }

    @Test
    void startsOneOverflowNodeWhenLondonReachesTheThresholdAndRecordsWhy() {
        platform.report(platform.londonNode, 13, 3);

        scheduler.run(true);
        scheduler.run(false);
        platform.clock.advance(Duration.ofSeconds(1));
        scheduler.run(true);

        assertEquals(List.of("StartInstances i-a"), starts(), "pending capacity: one start, never repeated");
        Map<String, Object> start = history().get(0);
        assertEquals("start", start.get("event_type"));
        assertEquals("pending", start.get("state"));
        assertEquals("bursting", start.get("context"));
        assertEquals("overflow-a", start.get("workervm_configuration_name"));
        assertEquals("Overflow", start.get("workervm_configuration_location_name"));
        assertTrue(start.get("details").toString().contains("free HD calls in London (4) reached the bursting"
                + " threshold (5)"), start.toString());
        assertEquals(1, platform.rows("SELECT * FROM admin_log WHERE action = 'started'"
                + " AND user = 'system:cloud bursting' AND object_name = 'overflow-a'").size());
        Map<String, Object> london = platform.rows("SELECT * FROM cloud_monitored_location_status").get(0);
        assertEquals("bursting threshold reached", london.get("state"));
        assertEquals(4, ((Number) london.get("free_hd_calls")).intValue());
        assertEquals("Overflow", london.get("overflow_location"));
        Map<String, Object> overflow = platform.rows("SELECT * FROM cloud_overflow_location_status").get(0);
        assertEquals(17, ((Number) overflow.get("starting_hd_calls")).intValue(), "the c5.2xlarge's 17 HD calls");
    }

    @Test
    void startsTheNextStoppedNodeWhenEc2HasNoCapacityForTheFirst() {
        platform.report(platform.londonNode, 13, 3);
        platform.cloud.noCapacityNext();

        scheduler.run(true);

        assertEquals(List.of("StartInstances i-a", "StartInstances i-b"), starts());
        List<Map<String, Object>> events = history();
        assertEquals("start_failed", events.get(0).get("event_type"));
        assertEquals("InsufficientInstanceCapacity", events.get(0).get("error_code"));
        assertEquals("start", events.get(1).get("event_type"));
        assertEquals("i-b", events.get(1).get("cloud_instance_id"));
        scheduler.run(true);
        assertEquals(2, starts().size(), "no start is sent twice");
    }

    @Test
    void reportsARunningNodeSetsItsPublicAddressAndStopsItOnceIdlePastTheMinimumLifetime() {
        platform.report(platform.londonNode, 13, 3);
        scheduler.run(true);
        platform.cloud.settle();
        platform.clock.advance(Duration.ofSeconds(5));
        platform.report(platform.londonNode, 13, 3);
        platform.report(platform.overflowA, 0, 0);

        scheduler.run(true);

        assertEquals("running", history().get(1).get("event_type"));
        assertEquals("198.51.100.9", platform.configuration.workerVm(platform.overflowA).orElseThrow()
                .staticNatAddress().orElseThrow(), "the static NAT address is the instance's public address");
        assertEquals(List.of(), stops(), "not before the minimum lifetime");

        platform.clock.advance(Duration.ofSeconds(60));
        platform.report(platform.londonNode, 0, 0);
        platform.report(platform.overflowA, 0, 0);
        scheduler.run(false);
        assertEquals(List.of("StopInstances i-a"), stops());
        platform.cloud.settle();
        platform.clock.advance(Duration.ofSeconds(1));
        scheduler.run(true);

        List<String> types = history().stream().map(event -> event.get("event_type").toString()).toList();
        assertEquals(List.of("start", "running", "stop", "stopped"), types);
        assertTrue(history().get(2).get("details").toString().contains("hosts no call"), history().toString());
        assertEquals(1, platform.rows("SELECT * FROM admin_log WHERE action = 'stopped'").size());
    }

    @Test
    void aRestartedSchedulerStopsNothingBeforeTheNodesReportAgain() {
        platform.report(platform.londonNode, 13, 3);
        scheduler.run(true);
        platform.cloud.settle();
        platform.clock.advance(Duration.ofMinutes(5));
        scheduler.close();
        platform.reports.clear();

        scheduler = platform.scheduler(MINUTE_LIFETIME);
        scheduler.run(true);
        platform.clock.advance(Duration.ofMinutes(1));
        scheduler.run(true);

        assertEquals(List.of(), stops(), "an unknown load is never stopped");
        assertEquals(List.of("StartInstances i-a"), starts(), "the start is remembered from the history");
    }

    @Test
    void performsNothingWhileEc2CannotBeDescribed() {
        platform.report(platform.londonNode, 13, 3);
        platform.cloud.failNext(Ec2Action.DESCRIBE_INSTANCES, CloudFailure.Kind.UNAVAILABLE, "InternalError");

        scheduler.run(true);

        assertEquals(List.of(), starts());
        Map<String, Object> status = platform.rows("SELECT * FROM cloud_bursting_status").get(0);
        assertEquals("EC2 said InternalError", status.get("describe_error"));
        scheduler.run(true);
        assertEquals(List.of("StartInstances i-a"), starts(), "once described, the start goes out");
    }

    @Test
    void startsNothingWhileBurstingIsDisabledButStillWritesTheStatus() {
        platform.patchGlobal(Map.of("bursting_enabled", false));
        platform.report(platform.londonNode, 13, 3);

        scheduler.run(true);

        assertEquals(List.of(), starts());
        assertEquals(2, platform.rows("SELECT * FROM cloud_node_status").size());
        assertTrue(platform.rows("SELECT message FROM cloud_bursting_note WHERE kind = 'platform'").get(0)
                .get("message").toString().startsWith("bursting is disabled"));
    }

    @Test
    void anAdministratorStartsAStoppedNodeAndIsToldWhyNotOtherwise() {
        platform.patchGlobal(Map.of("bursting_enabled", false));
        scheduler.run(true);

        ManualStartReply started = scheduler.startByAdministrator("i-b", ScheduledPlatform.OPERATOR);

        assertEquals(new ManualStartReply.Started("i-b", platform.overflowB, "overflow-b", "pending"), started);
        assertEquals(CloudInstanceState.PENDING, platform.cloud.state("i-b"));
        Map<String, Object> event = history().get(0);
        assertEquals("administrator admin", event.get("context"));
        assertEquals("started by administrator", event.get("details"));
        assertEquals(1, platform.rows("SELECT * FROM admin_log WHERE action = 'started' AND user = 'admin'").size());
        ManualStartReply.Refused again = assertInstanceOf(ManualStartReply.Refused.class,
                scheduler.startByAdministrator("i-b", ScheduledPlatform.OPERATOR));
        assertEquals(ManualStartOutcome.Refusal.NOT_STOPPED, again.refusal());
        ManualStartReply.Refused unknown = assertInstanceOf(ManualStartReply.Refused.class,
                scheduler.startByAdministrator("i-nothing", ScheduledPlatform.OPERATOR));
        assertEquals(ManualStartOutcome.Refusal.UNKNOWN_INSTANCE, unknown.refusal());
        platform.patchGlobal(Map.of("bursting_max_running_nodes", 1));
        ManualStartReply.Refused guardrail = assertInstanceOf(ManualStartReply.Refused.class,
                scheduler.startByAdministrator("i-a", ScheduledPlatform.OPERATOR));
        assertEquals(ManualStartOutcome.Refusal.GUARDRAIL, guardrail.refusal());
    }

    @Test
    void aThrottledStartCountsForTheBreakerAndIsRecordedAsFailed() {
        platform.report(platform.londonNode, 13, 3);
        platform.cloud.failNext(Ec2Action.START_INSTANCES, CloudFailure.Kind.THROTTLED, "RequestLimitExceeded");

        scheduler.run(true);

        assertEquals(List.of("StartInstances i-a"), starts(), "a throttled start is not retried in the same run");
        assertEquals("start_failed", history().get(0).get("event_type"));
        assertEquals("RequestLimitExceeded", history().get(0).get("error_code"));
        scheduler.run(true);
        assertEquals(List.of("StartInstances i-a", "StartInstances i-b"), starts(),
                "the next run starts another node than the one that just failed");
    }
}
