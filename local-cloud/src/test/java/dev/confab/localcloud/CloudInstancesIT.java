package dev.confab.localcloud;

import dev.confab.localcloud.ec2.AccessKey;
import dev.confab.localcloud.ec2.Ec2Call;
import dev.confab.localcloud.ec2.Ec2Endpoint;
import dev.confab.localcloud.ec2.Ec2EndpointConfig;
import dev.confab.localcloud.ec2.Ec2Fault;
import dev.confab.localcloud.ec2.InstanceDeclaration;
import dev.confab.localcloud.ec2.InstanceMachine;
import dev.confab.localcloud.testing.CountingMachine;
import dev.confab.localcloud.testing.InProcessPlatform;
import dev.confab.management.cloud.CloudFailure;
import dev.confab.management.cloud.CloudInstance;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.CloudService;
import dev.confab.management.cloud.DescribeResult;
import dev.confab.management.cloud.Matching;
import dev.confab.management.cloud.StartResult;
import dev.confab.management.cloud.StateChange;
import dev.confab.management.cloud.StopResult;
import dev.confab.shared.testing.Await;
import dev.confab.shared.testing.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Management Node's EC2 adapter ({@code management.cloud}), with the real AWS SDK, against the
 * EC2-compatible endpoint over real HTTP: what goes over the wire, the instance state machine seen
 * through it, and every injected failure handled as bursting needs it.
 */
@Timeout(120)
class CloudInstancesIT {

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();

    private static final String KEY = "AKIACLOUDINSTANCESIT";
    private static final String SECRET = "cloud-instances-secret";
    private static final String TAG = "mgmt-it";
    private static final CountingMachine machineA = new CountingMachine();
    private static final CountingMachine machineB = new CountingMachine();
    private static Ec2Endpoint endpoint;
    private static String instanceA;
    private static String instanceB;
    private static String withoutNode;
    private static String otherPlatform;
    private static long nodeA;

    @BeforeAll
    static void startEndpoint() {
        endpoint = Ec2Endpoint.create(Ec2EndpointConfig.defaults().withRegion("eu-west-2")
                .withKey(AccessKey.allowingEverything(KEY, SECRET))
                .withDelays(Duration.ofMillis(500), Duration.ofMillis(300))).start();
        instanceA = endpoint.declare(InstanceDeclaration.stopped("10.20.0.5").withTag("pexip-cloud", TAG)
                .withTag("Name", "ovf-a"), machineA);
        instanceB = endpoint.declare(InstanceDeclaration.stopped("10.20.0.6").withTag("pexip-cloud", TAG), machineB);
        withoutNode = endpoint.declare(InstanceDeclaration.stopped("10.20.0.9").withTag("pexip-cloud", TAG),
                InstanceMachine.NONE);
        otherPlatform = endpoint.declare(InstanceDeclaration.stopped("10.20.0.10").withTag("pexip-cloud", "other"),
                InstanceMachine.NONE);
        endpoint.declare(InstanceDeclaration.stopped("10.20.0.11"), InstanceMachine.NONE);

        platform.management().configuration().update(platform.spec("management_vm"), 1, Map.of("hostname", TAG),
                true, InProcessPlatform.OPERATOR);
        String monitored = location("London");
        String overflow = location("London overflow");
        platform.management().configuration().update(platform.spec("system_location"), id(monitored),
                Map.of("overflow_location1", overflow), true, InProcessPlatform.OPERATOR);
        nodeA = node("ovf-a", "10.20.0.5", overflow);
        node("ovf-b", "10.20.0.6", overflow);
        node("ovf-c", "10.20.0.7", overflow);
        node("lon-1", "10.20.1.5", monitored);
        pointAt(endpoint.uri().toString(), SECRET);
    }

    @AfterAll
    static void stopEndpoint() {
        endpoint.stop();
    }

    @AfterEach
    void clearFaults() {
        endpoint.faults().clear();
    }

    private static String location(String name) {
        return platform.management().configuration().create(platform.spec("system_location"), Map.of("name", name),
                InProcessPlatform.OPERATOR).get("resource_uri").toString();
    }

    private static long id(String uri) {
        String[] parts = uri.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    private static long node(String name, String address, String location) {
        return ((Number) platform.management().configuration().create(platform.spec("worker_vm"),
                DemoNodes.nodeRequest(name, address, location), InProcessPlatform.OPERATOR).get("id")).longValue();
    }

    private static void pointAt(String endpointUrl, String secret) {
        platform.management().configuration().update(platform.spec("global"), 1, Map.of("aws_region", "eu-west-2",
                "aws_endpoint", endpointUrl, "aws_access_key", KEY, "aws_secret_key", secret), true,
                InProcessPlatform.OPERATOR);
    }

    private static CloudService cloud() {
        return platform.management().cloud();
    }

    private static List<CloudInstance> described() {
        return assertInstanceOf(DescribeResult.Described.class, cloud().describe()).instances();
    }

    private static CloudInstanceState state(String instanceId) {
        return described().stream().filter(instance -> instance.instanceId().equals(instanceId)).findFirst()
                .orElseThrow().state();
    }

    private static List<Map<String, Object>> alarms() {
        return platform.management().store().read(handle -> handle.createQuery(
                "SELECT name, instance, details FROM alarm WHERE node_id IS NULL").mapToMap().list());
    }

    @Test
    void describesOnlyTheInstancesTaggedForThisPlatform() {
        int before = endpoint.calls().size();
        List<String> ids = described().stream().map(CloudInstance::instanceId).toList();
        assertEquals(Set.of(instanceA, instanceB, withoutNode), Set.copyOf(ids));
        assertTrue(!ids.contains(otherPlatform));

        List<Ec2Call> calls = endpoint.calls().subList(before, endpoint.calls().size());
        assertEquals(1, calls.size());
        Ec2Call call = calls.get(0);
        assertEquals("DescribeInstances", call.action());
        assertEquals("tag:pexip-cloud", call.parameters().get("Filter.1.Name"));
        assertEquals(TAG, call.parameters().get("Filter.1.Value.1"));
        assertEquals(Optional.of(KEY), call.accessKeyId());
    }

    @Test
    void pairsInstancesWithNodesByAddressAndReportsTheRest() {
        Matching matching = cloud().match(assertInstanceOf(DescribeResult.Described.class, cloud().describe()));
        assertEquals(Optional.of(instanceA), matching.instanceOf(nodeA).map(CloudInstance::instanceId));
        assertEquals(2, matching.matches().size());
        assertEquals(Set.of(Matching.Finding.Kind.INSTANCE_WITHOUT_NODE, Matching.Finding.Kind.NODE_WITHOUT_INSTANCE),
                Set.copyOf(matching.findings().stream().map(Matching.Finding::kind).toList()));
        assertTrue(matching.findings().stream().anyMatch(finding -> finding.instanceId().equals(Optional.of(withoutNode))));
        assertTrue(matching.findings().stream().anyMatch(finding -> finding.message().contains("\"ovf-c\"")));
    }

    @Test
    void startsARunningNodeAfterTheBootDelayTakesItsPublicAddressAndStopsIt() throws InterruptedException {
        StartResult.Started started = assertInstanceOf(StartResult.Started.class, cloud().start(instanceA));
        assertEquals(new StateChange(instanceA, CloudInstanceState.STOPPED, CloudInstanceState.PENDING),
                started.change());
        Await.atMost(Duration.ofSeconds(20)).until("instance A running",
                () -> state(instanceA) == CloudInstanceState.RUNNING);
        assertEquals(1, machineA.powerOns());

        Matching.Match match = cloud().match(assertInstanceOf(DescribeResult.Described.class, cloud().describe()))
                .matches().stream().filter(pair -> pair.node().id() == nodeA).findFirst().orElseThrow();
        String publicIp = match.instance().publicIp().orElseThrow();
        assertTrue(publicIp.startsWith("198.51.100."), publicIp);
        assertEquals(Optional.of(publicIp), cloud().updateStaticNat(match));
        assertEquals(Optional.of(publicIp), platform.management().configuration().workerVm(nodeA).orElseThrow()
                .staticNatAddress());

        StopResult.Stopped stopped = assertInstanceOf(StopResult.Stopped.class, cloud().stop(instanceA));
        assertEquals(CloudInstanceState.STOPPING, stopped.change().current());
        Await.atMost(Duration.ofSeconds(20)).until("instance A stopped",
                () -> state(instanceA) == CloudInstanceState.STOPPED);
        assertEquals(1, machineA.powerOffs());
    }

    @Test
    void retriesThrottlingAndServerErrorsAndNeverStartsTwice() throws InterruptedException {
        int before = endpoint.calls("StartInstances").size();
        endpoint.faults().failNext("StartInstances", Ec2Fault.THROTTLING, 1);
        endpoint.faults().failNext("StartInstances", Ec2Fault.INTERNAL_ERROR, 1);
        endpoint.faults().failNext("StartInstances", Ec2Fault.UNAVAILABLE, 1);
        assertInstanceOf(StartResult.Started.class, cloud().start(instanceB));
        List<Ec2Call> calls = endpoint.calls("StartInstances").subList(before, endpoint.calls("StartInstances").size());
        assertEquals(List.of(Optional.of("RequestLimitExceeded"), Optional.of("InternalError"),
                Optional.of("Unavailable"), Optional.<String>empty()), calls.stream().map(Ec2Call::errorCode).toList());

        StartResult.Started again = assertInstanceOf(StartResult.Started.class, cloud().start(instanceB));
        assertTrue(again.change().previous() == again.change().current(), "a second start changes nothing");
        Await.atMost(Duration.ofSeconds(20)).until("instance B running",
                () -> state(instanceB) == CloudInstanceState.RUNNING);
        assertEquals(1, machineB.powerOns());

        endpoint.faults().failNext("DescribeInstances", Ec2Fault.THROTTLING, 2);
        assertInstanceOf(DescribeResult.Described.class, cloud().describe());
        assertInstanceOf(StopResult.Stopped.class, cloud().stop(instanceB));
        Await.atMost(Duration.ofSeconds(20)).until("instance B stopped",
                () -> state(instanceB) == CloudInstanceState.STOPPED);
    }

    @Test
    void givesUpOnLastingThrottlingAfterItsAttempts() {
        int before = endpoint.calls("DescribeInstances").size();
        endpoint.faults().failAtRate("DescribeInstances", Ec2Fault.THROTTLING, 1.0);
        DescribeResult.Failed failed = assertInstanceOf(DescribeResult.Failed.class, cloud().describe());
        assertEquals(CloudFailure.Kind.THROTTLED, failed.failure().kind());
        assertTrue(failed.failure().message().contains("(4 attempts)"), failed.failure().message());
        assertEquals(4, endpoint.calls("DescribeInstances").size() - before);
    }

    @Test
    void reportsInsufficientCapacityAtOnceSoThatAnotherNodeCanBeStarted() {
        int before = endpoint.calls("StartInstances").size();
        endpoint.faults().failNext("StartInstances", Ec2Fault.INSUFFICIENT_INSTANCE_CAPACITY, 1);
        StartResult.NoCapacity noCapacity = assertInstanceOf(StartResult.NoCapacity.class, cloud().start(withoutNode));
        assertEquals(withoutNode, noCapacity.instanceId());
        assertEquals(1, endpoint.calls("StartInstances").size() - before, "not tried again");
        assertEquals(CloudInstanceState.STOPPED, state(withoutNode));
    }

    @Test
    void raisesAnAlarmNamingARefusedPermissionUntilItIsGranted() {
        int before = endpoint.calls("StopInstances").size();
        endpoint.faults().failNext("StopInstances", Ec2Fault.UNAUTHORIZED_OPERATION, 1);
        StopResult.Failed failed = assertInstanceOf(StopResult.Failed.class, cloud().stop(withoutNode));
        assertEquals(CloudFailure.Kind.NOT_PERMITTED, failed.failure().kind());
        assertEquals("UnauthorizedOperation", failed.failure().code());
        assertEquals(1, endpoint.calls("StopInstances").size() - before, "not tried again");
        Map<String, Object> alarm = alarms().stream().filter(row -> row.get("instance").equals("ec2:StopInstances"))
                .findFirst().orElseThrow();
        assertEquals("Cloud bursting not permitted by AWS", alarm.get("name"));
        assertTrue(alarm.get("details").toString().contains("ec2:StopInstances on instances tagged pexip-cloud="
                + TAG), alarm.get("details").toString());

        assertInstanceOf(StopResult.Stopped.class, cloud().stop(withoutNode));
        assertTrue(alarms().stream().noneMatch(row -> row.get("instance").equals("ec2:StopInstances")));
    }

    @Test
    void raisesAnAlarmWhenEc2RefusesTheCredentials() {
        try {
            pointAt(endpoint.uri().toString(), "not-the-secret");
            DescribeResult.Failed failed = assertInstanceOf(DescribeResult.Failed.class, cloud().describe());
            assertEquals("AuthFailure", failed.failure().code());
            assertTrue(alarms().stream().anyMatch(row -> row.get("instance").equals("ec2:DescribeInstances")
                    && row.get("details").toString().contains("aws_access_key and aws_secret_key")));
        } finally {
            pointAt(endpoint.uri().toString(), SECRET);
        }
        assertInstanceOf(DescribeResult.Described.class, cloud().describe());
        assertTrue(alarms().stream().noneMatch(row -> row.get("instance").equals("ec2:DescribeInstances")));
    }

    @Test
    void saysWhichEndpointItCouldNotReach() {
        String nowhere = "http://127.0.0.1:" + FreePort.on("127.0.0.1") + "/";
        try {
            pointAt(nowhere, SECRET);
            DescribeResult.Failed failed = assertInstanceOf(DescribeResult.Failed.class, cloud().describe());
            assertEquals(CloudFailure.Kind.UNREACHABLE, failed.failure().kind());
            assertTrue(failed.failure().message().startsWith("Could not reach the EC2 endpoint " + nowhere),
                    failed.failure().message());
        } finally {
            pointAt(endpoint.uri().toString(), SECRET);
        }
    }
}
