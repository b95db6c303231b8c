package dev.confab.localcloud.ec2;

import dev.confab.localcloud.testing.CountingMachine;
import dev.confab.shared.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint as the AWS SDK for Java sees it: real SDK requests over HTTP, signed with Signature
 * Version 4, answered in EC2's XML and read back by the SDK's own parsers.
 */
@Timeout(60)
class Ec2EndpointIT {

    private static final String KEY = "AKIAENDPOINTTEST0001";
    private static final String SECRET = "endpoint-test-secret";
    private static final String READ_ONLY = "AKIAENDPOINTREADONLY";

    private final CountingMachine counting = new CountingMachine();
    private Ec2Endpoint endpoint;
    private Ec2Client ec2;
    private String overflow1;
    private String overflow2;
    private String other;

    @BeforeEach
    void start() {
        endpoint = Ec2Endpoint.create(Ec2EndpointConfig.defaults().withRegion("eu-west-2")
                .withKey(AccessKey.allowingEverything(KEY, SECRET))
                .withKey(new AccessKey(READ_ONLY, SECRET, Set.of("DescribeInstances")))
                .withDelays(Duration.ofMillis(300), Duration.ofMillis(200))).start();
        overflow1 = endpoint.declare(InstanceDeclaration.stopped("10.0.1.5").withTag("pexip-cloud", "mgmt")
                .withTag("Name", "ovf-1"), counting);
        overflow2 = endpoint.declare(InstanceDeclaration.stopped("10.0.1.6").withTag("pexip-cloud", "mgmt"),
                InstanceMachine.NONE);
        other = endpoint.declare(InstanceDeclaration.stopped("10.0.9.9").withTag("pexip-cloud", "other")
                .inState(InstanceState.RUNNING), InstanceMachine.NONE);
        ec2 = client(KEY, SECRET);
    }

    @AfterEach
    void stop() {
        ec2.close();
        endpoint.stop();
    }

    private Ec2Client client(String key, String secret) {
        return Ec2Client.builder().region(Region.of("eu-west-2")).endpointOverride(endpoint.uri())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static List<Instance> instances(DescribeInstancesResponse response) {
        return response.reservations().stream().map(Reservation::instances).flatMap(List::stream).toList();
    }

    private List<String> taggedIds(String value) {
        return instances(ec2.describeInstances(request -> request.filters(Filter.builder().name("tag:pexip-cloud")
                .values(value).build()))).stream().map(Instance::instanceId).toList();
    }

    private InstanceStateName state(String id) {
        return instances(ec2.describeInstances(request -> request.instanceIds(id))).get(0).state().name();
    }

    @Test
    void describesWhatTheSdkReadsBack() {
        Instance first = instances(ec2.describeInstances(request -> request.instanceIds(overflow1))).get(0);
        assertEquals(overflow1, first.instanceId());
        assertEquals("10.0.1.5", first.privateIpAddress());
        assertEquals("c5.2xlarge", first.instanceTypeAsString());
        assertEquals(InstanceStateName.STOPPED, first.state().name());
        assertEquals(80, first.state().code());
        assertEquals("eu-west-2a", first.placement().availabilityZone());
        assertEquals("ovf-1", first.tags().stream().filter(tag -> tag.key().equals("Name")).findFirst().orElseThrow()
                .value());
        assertEquals("Client.UserInitiatedShutdown", first.stateReason().code());
        assertEquals("198.51.100.1", instances(ec2.describeInstances(request -> request.instanceIds(other))).get(0)
                .publicIpAddress());
    }

    @Test
    void filtersOnTheTagAndOtherFields() {
        assertEquals(List.of(overflow1, overflow2), taggedIds("mgmt"));
        assertEquals(List.of(other), instances(ec2.describeInstances(request -> request.filters(
                Filter.builder().name("instance-state-name").values("running").build()))).stream()
                .map(Instance::instanceId).toList());
        assertEquals(List.of(overflow2), instances(ec2.describeInstances(request -> request.filters(
                Filter.builder().name("private-ip-address").values("10.0.1.6").build(),
                Filter.builder().name("tag:pexip-cloud").values("mgmt").build()))).stream()
                .map(Instance::instanceId).toList());
    }

    @Test
    void pagesAsTheSdksPaginatorExpects() {
        for (int i = 10; i < 17; i++) {
            endpoint.declare(InstanceDeclaration.stopped("10.0.2." + i), InstanceMachine.NONE);
        }
        List<String> ids = ec2.describeInstancesPaginator(request -> request.maxResults(5)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).map(Instance::instanceId).toList();
        assertEquals(10, ids.size());
        assertEquals(2, endpoint.calls("DescribeInstances").size());
    }

    @Test
    void startsAndStopsThroughTheStateMachine() throws InterruptedException {
        InstanceStateChange started = ec2.startInstances(request -> request.instanceIds(overflow1))
                .startingInstances().get(0);
        assertEquals(InstanceStateName.STOPPED, started.previousState().name());
        assertEquals(InstanceStateName.PENDING, started.currentState().name());
        Await.atMost(Duration.ofSeconds(10)).until("running", () -> state(overflow1) == InstanceStateName.RUNNING);
        assertEquals(1, counting.powerOns());
        assertEquals(1, ec2.describeInstanceStatus(request -> request.instanceIds(overflow1)).instanceStatuses()
                .size());

        InstanceStateChange stopping = ec2.stopInstances(request -> request.instanceIds(overflow1))
                .stoppingInstances().get(0);
        assertEquals(InstanceStateName.RUNNING, stopping.previousState().name());
        assertEquals(InstanceStateName.STOPPING, stopping.currentState().name());
        Await.atMost(Duration.ofSeconds(10)).until("stopped", () -> state(overflow1) == InstanceStateName.STOPPED);
        assertEquals(1, counting.powerOffs());
    }

    @Test
    void describesInstanceStatusOfRunningInstancesUnlessAllAreAsked() {
        List<InstanceStatus> running = ec2.describeInstanceStatus(request -> { }).instanceStatuses();
        assertEquals(List.of(other), running.stream().map(InstanceStatus::instanceId).toList());
        assertEquals("ok", running.get(0).instanceStatus().statusAsString());
        assertEquals(3, ec2.describeInstanceStatus(request -> request.includeAllInstances(true)).instanceStatuses()
                .size());
    }

    @Test
    void refusesABadSecretAndAnUnknownKeyWithAuthFailure() {
        try (Ec2Client wrongSecret = client(KEY, "not-the-secret"); Ec2Client unknown = client("AKIAUNKNOWN", SECRET)) {
            Ec2Exception refused = assertThrows(Ec2Exception.class, () -> wrongSecret.describeInstances());
            assertEquals("AuthFailure", refused.awsErrorDetails().errorCode());
            assertEquals(401, refused.statusCode());
            assertEquals("AuthFailure", assertThrows(Ec2Exception.class, () -> unknown.describeInstances())
                    .awsErrorDetails().errorCode());
        }
    }

    @Test
    void refusesAnActionTheKeyIsNotAllowed() {
        try (Ec2Client readOnly = client(READ_ONLY, SECRET)) {
            assertEquals(3, instances(readOnly.describeInstances()).size());
            Ec2Exception refused = assertThrows(Ec2Exception.class,
                    () -> readOnly.startInstances(request -> request.instanceIds(overflow1)));
            assertEquals("UnauthorizedOperation", refused.awsErrorDetails().errorCode());
            assertEquals(403, refused.statusCode());
        }
        assertEquals(0, counting.powerOns());
    }

    @Test
    void answersInjectedFaultsAsEc2DoesAndActsOnNone() {
        endpoint.faults().failNext("StartInstances", Ec2Fault.THROTTLING, 1);
        endpoint.faults().failNext("StartInstances", Ec2Fault.INSUFFICIENT_INSTANCE_CAPACITY, 1);
        Ec2Exception throttled = assertThrows(Ec2Exception.class,
                () -> ec2.startInstances(request -> request.instanceIds(overflow1)));
        assertEquals("RequestLimitExceeded", throttled.awsErrorDetails().errorCode());
        assertEquals(503, throttled.statusCode());
        assertTrue(throttled.isThrottlingException(), "the SDK knows it for throttling");
        Ec2Exception capacity = assertThrows(Ec2Exception.class,
                () -> ec2.startInstances(request -> request.instanceIds(overflow1)));
        assertEquals("InsufficientInstanceCapacity", capacity.awsErrorDetails().errorCode());
        assertEquals(InstanceStateName.STOPPED, state(overflow1));
        assertEquals(0, counting.powerOns());
        assertEquals(List.of("RequestLimitExceeded", "InsufficientInstanceCapacity"), endpoint.calls("StartInstances")
                .stream().map(call -> call.errorCode().orElseThrow()).toList());
    }

    @Test
    void answersUnknownInstancesAndDryRunsAsEc2Does() {
        Ec2Exception unknown = assertThrows(Ec2Exception.class,
                () -> ec2.stopInstances(request -> request.instanceIds("i-0123456789abcdef0")));
        assertEquals("InvalidInstanceID.NotFound", unknown.awsErrorDetails().errorCode());
        Ec2Exception dryRun = assertThrows(Ec2Exception.class,
                () -> ec2.startInstances(request -> request.instanceIds(overflow1).dryRun(true)));
        assertEquals("DryRunOperation", dryRun.awsErrorDetails().errorCode());
        assertEquals(InstanceStateName.STOPPED, state(overflow1));
    }

    @Test
    void recordsWhatWentOverTheWire() {
        taggedIds("mgmt");
        Ec2Call call = endpoint.calls("DescribeInstances").get(0);
        assertEquals("tag:pexip-cloud", call.parameters().get("Filter.1.Name"));
        assertEquals("mgmt", call.parameters().get("Filter.1.Value.1"));
        assertEquals("2016-11-15", call.parameters().get("Version"));
        assertEquals(KEY, call.accessKeyId().orElseThrow());
        assertTrue(call.succeeded());
    }
}
