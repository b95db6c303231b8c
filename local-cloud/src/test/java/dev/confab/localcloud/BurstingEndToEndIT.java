package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.localcloud.ec2.Ec2Call;
import dev.confab.localcloud.ec2.Ec2Fault;
import dev.confab.localcloud.ec2.InstanceState;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bursting end to end, every part real: the Management Node and the Conferencing Nodes as processes,
 * the AWS SDK in the Management Node calling the EC2-compatible endpoint over HTTP, calls through the
 * client API. Loopback has one always-on node sized as a c5.large (4 HD calls); its primary overflow
 * location, Cloud Overflow, has two bursting nodes, stopped instances of the endpoint. The threshold
 * is 1 free HD call and the minimum lifetime 20 s. Each case starts from every call ended and every
 * bursting node stopped; the EC2 errors are injected at the endpoint, and what bursting asked of EC2
 * is read from the endpoint's record of the calls.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BurstingEndToEndIT {

    // long enough for a started node to boot, report and take the calls before it could be stopped
    private static final Duration MIN_LIFETIME = Duration.ofSeconds(20);
    private static final String START = "StartInstances";

    @TempDir
    static Path dir;
    private BurstingPlatform platform;
    private String first;
    private String second;
    private final List<BurstingPlatform.Admitted> calls = new ArrayList<>();
    private int mark;

    @BeforeAll
    void platformWithTwoStoppedBurstingNodes() throws Exception {
        // the policy describes EC2 every 2 s rather than 10: a started or stopped node is seen sooner
        platform = BurstingPlatform.start(new BurstingPlatform.Options(dir, 171, 2, "c5.large", 1, MIN_LIFETIME,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        first = platform.instanceIds().get(0);
        second = platform.instanceIds().get(1);
        platform.awaitQuiet(Duration.ofSeconds(60));
    }

    @AfterEach
    void endCallsAndAwaitEveryNodeStopped() throws Exception {
        platform.endpoint().faults().clear();
        for (BurstingPlatform.Admitted call : calls) {
            platform.release(call);
        }
        calls.clear();
        platform.awaitQuiet(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void startsOneNodeAtTheThresholdWhichTakesOverflowCallsAndIsStoppedWhenIdleAfterTheMinimumLifetime()
            throws Exception {
        crossTheThreshold();
        Ec2Call start = awaitStarted(first);
        awaitReporting(start);
        assertEquals(List.of(first), startsSinceMark().stream().map(BurstingEndToEndIT::instanceOf).toList(),
                "one StartInstances, for the first node");
        assertEquals(InstanceState.STOPPED, platform.endpoint().instance(second).state());
        assertEquals("bursting threshold reached", monitoredLocation().path("state").asText());

        BurstingPlatform.Admitted overflow = callUntilOverflow();
        assertEquals(platform.nodeName(0), overflow.mediaNode());
        assertTrue(platform.endpoint().calls("StopInstances").stream()
                .noneMatch(call -> call.time().isAfter(start.time())), "not stopped while it hosts a call");

        for (BurstingPlatform.Admitted call : calls) {
            platform.release(call);
        }
        calls.clear();
        Ec2Call stop = Await.atMost(Duration.ofSeconds(90)).until("StopInstances of " + first, () -> platform.endpoint()
                .calls("StopInstances").stream().filter(call -> call.time().isAfter(start.time()) && call.succeeded()
                        && instanceOf(call).equals(first)).findFirst().orElse(null));
        assertFalse(Duration.between(start.time(), stop.time()).minus(MIN_LIFETIME).isNegative(),
                "stopped " + Duration.between(start.time(), stop.time()) + " after its start, before the minimum"
                        + " lifetime of " + MIN_LIFETIME);
        awaitHistory(first, "stopped", stop.time());
    }

    @Test
    @Order(2)
    void retriesThrottlingAndServerErrorsAndStartsTheNodeOnce() throws Exception {
        platform.endpoint().faults().failNext(START, Ec2Fault.THROTTLING, 1);
        platform.endpoint().faults().failNext(START, Ec2Fault.INTERNAL_ERROR, 1);
        crossTheThreshold();
        awaitReporting(awaitStarted(first));

        List<Ec2Call> starts = startsSinceMark();
        assertEquals(List.of(Optional.of("RequestLimitExceeded"), Optional.of("InternalError"),
                Optional.<String>empty()), starts.stream().map(Ec2Call::errorCode).toList());
        assertEquals(List.of(first, first, first), starts.stream().map(BurstingEndToEndIT::instanceOf).toList());
        assertEquals(InstanceState.STOPPED, platform.endpoint().instance(second).state());
    }

    @Test
    @Order(3)
    void startsTheOtherStoppedNodeWhenEc2HasNoCapacityForTheFirst() throws Exception {
        platform.endpoint().faults().failNext(START, Ec2Fault.INSUFFICIENT_INSTANCE_CAPACITY, 1);
        crossTheThreshold();
        awaitReporting(awaitStarted(second));

        List<Ec2Call> starts = startsSinceMark();
        assertEquals(List.of(Optional.of("InsufficientInstanceCapacity"), Optional.<String>empty()),
                starts.stream().map(Ec2Call::errorCode).toList());
        assertEquals(List.of(first, second), starts.stream().map(BurstingEndToEndIT::instanceOf).toList());
        assertEquals(InstanceState.STOPPED, platform.endpoint().instance(first).state());
    }

    @Test
    @Order(4)
    void raisesAnAlarmNamingTheRefusedPermissionAndStartsNothing() throws Exception {
        platform.endpoint().faults().failAtRate(START, Ec2Fault.UNAUTHORIZED_OPERATION, 1.0);
        crossTheThreshold();
        JsonNode alarm = Await.atMost(Duration.ofSeconds(30)).until("the alarm on ec2:StartInstances", () ->
                StreamSupport.stream(platform.api().get("/api/admin/status/v1/alarm/?limit=1000").path("objects")
                        .spliterator(), false).filter(found -> found.path("instance").asText()
                        .equals("ec2:StartInstances")).findFirst().orElse(null));
        assertEquals("Cloud bursting not permitted by AWS", alarm.path("name").asText());
        assertTrue(alarm.path("details").asText().contains("ec2:StartInstances"), alarm.toString());

        // the next tick describes EC2 again: by then every start bursting would make has been made
        Ec2Call refused = startsSinceMark().get(0);
        Await.atMost(Duration.ofSeconds(30)).until("a DescribeInstances after the refused start", () ->
                platform.endpoint().calls("DescribeInstances").stream().anyMatch(call -> call.time()
                        .isAfter(refused.time().plusSeconds(1))));
        List<Ec2Call> starts = startsSinceMark();
        assertTrue(starts.stream().allMatch(call -> call.errorCode().equals(Optional.of("UnauthorizedOperation"))),
                starts.toString());
        assertEquals(starts.size(), starts.stream().map(BurstingEndToEndIT::instanceOf).distinct().count(),
                "no instance asked to start twice: " + starts);
        for (String id : platform.instanceIds()) {
            assertEquals(InstanceState.STOPPED, platform.endpoint().instance(id).state());
        }
    }

    /** Marks the calls so far, then makes calls until Loopback's free HD calls reach the threshold. */
    private void crossTheThreshold() throws Exception {
        mark = platform.endpoint().calls().size();
        calls.addAll(platform.callUntilThreshold());
        assertTrue(calls.stream().allMatch(call -> call.location().equals(BurstingPlatform.MONITORED)),
                calls.toString());
    }

    private List<Ec2Call> startsSinceMark() {
        List<Ec2Call> all = platform.endpoint().calls();
        return all.subList(mark, all.size()).stream().filter(call -> call.action().equals(START)).toList();
    }

    private Ec2Call awaitStarted(String instanceId) throws InterruptedException {
        return Await.atMost(Duration.ofSeconds(30)).until("StartInstances of " + instanceId, () -> startsSinceMark()
                .stream().filter(call -> call.succeeded() && instanceOf(call).equals(instanceId)).findFirst()
                .orElse(null));
    }

    /** Waits until the node of {@code instanceId} reports its load, in the status and in the history. */
    private void awaitReporting(Ec2Call start) throws Exception {
        String instanceId = instanceOf(start);
        Await.atMost(Duration.ofSeconds(90)).until(instanceId + " reporting", () -> platform.cloudNode(instanceId)
                .map(node -> node.path("load_status").asText().equals("reporting")).orElse(false));
        awaitHistory(instanceId, "running", start.time());
    }

    /** Waits for the history event {@code eventType} of {@code instanceId} after {@code after}. */
    private void awaitHistory(String instanceId, String eventType, Instant after) throws InterruptedException {
        Await.atMost(Duration.ofSeconds(30)).until("the history event " + eventType + " of " + instanceId, () ->
                StreamSupport.stream(platform.api().get("/api/admin/history/v1/workervm_status_event/?limit=1000")
                        .path("objects").spliterator(), false).anyMatch(event -> event.path("cloud_instance_id")
                        .asText().equals(instanceId) && event.path("event_type").asText().equals(eventType)
                        && Instant.parse(event.path("time_changed").asText() + "Z").isAfter(after)));
    }

    /** Calls until one overflows to Cloud Overflow; every call before it is admitted in Loopback. */
    private BurstingPlatform.Admitted callUntilOverflow() throws Exception {
        for (int i = 0; i < 5; i++) {
            BurstingPlatform.Admitted call = platform.call("Overflow caller " + i);
            calls.add(call);
            if (call.location().equals(DemoLocations.CLOUD)) {
                return call;
            }
            assertEquals(BurstingPlatform.MONITORED, call.location());
        }
        throw new AssertionError("No call overflowed to " + DemoLocations.CLOUD + ": " + calls);
    }

    private JsonNode monitoredLocation() throws Exception {
        return platform.api().get("/api/admin/status/v1/cloud_monitored_location/").path("objects").get(0);
    }

    private static String instanceOf(Ec2Call call) {
        return call.parameters().get("InstanceId.1");
    }
}
