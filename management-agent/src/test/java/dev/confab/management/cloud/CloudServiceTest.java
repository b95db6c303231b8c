package dev.confab.management.cloud;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.store.Store;
import dev.confab.management.testing.SettableClock;
import dev.confab.shared.crypto.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service over a real store: what it does before EC2 is ever called (settings, static NAT,
 * alarms, the policy). Calls over the wire are tested against the EC2-compatible endpoint in
 * local-cloud ({@code CloudInstancesIT}).
 */
class CloudServiceTest {

    private static final Actor OPERATOR = new Actor("admin", "192.0.2.10");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private Path dir;
    private Store store;
    private ConfigurationService configuration;
    private SecretBox secrets;
    private CloudService cloud;

    @BeforeEach
    void open(@TempDir Path temp) {
        dir = temp;
        store = Store.open(dir.resolve("confab.db"));
        secrets = SecretBox.openOrCreate(dir.resolve("secret.key"));
        configuration = new ConfigurationService(store, new Catalog(clock), secrets, clock);
        cloud = CloudService.create(configuration, secrets, clock);
    }

    @AfterEach
    void close() {
        cloud.close();
        store.close();
    }

    private Map<String, Object> patchGlobal(Map<String, Object> input) {
        return configuration.update(configuration.catalog().configuration(ResourceNames.GLOBAL), 1, input, true,
                OPERATOR);
    }

    @Test
    void callsNothingWithoutCredentialsAndSaysWhatToSet() {
        DescribeResult.Failed failed = assertInstanceOf(DescribeResult.Failed.class, cloud.describe());
        assertEquals(CloudFailure.Kind.NOT_CONFIGURED, failed.failure().kind());
        assertTrue(failed.failure().message().contains("aws_access_key"), failed.failure().message());
        StartResult.Failed start = assertInstanceOf(StartResult.Failed.class, cloud.start("i-0123456789abcdef0"));
        assertEquals(Ec2Action.START_INSTANCES, start.failure().action());
    }

    @Test
    void refusesAChinaRegionInTheSettingsWithTheReason() {
        Map<String, Object> input = Map.of("aws_region", "cn-northwest-1");
        dev.confab.management.resource.ValidationException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.confab.management.resource.ValidationException.class, () -> patchGlobal(input));
        assertTrue(refused.fields().get("aws_region").contains("AWS China regions are not supported for bursting"),
                refused.fields().toString());
    }

    @Test
    void readsTheSealedSecretKeyBackForTheCall() {
        patchGlobal(Map.of("aws_access_key", "AKIAEXAMPLE", "aws_secret_key", "s3cr3t"));
        Optional<String> sealed = configuration.read(transaction -> transaction.reads().sealedAwsSecretKey());
        assertTrue(sealed.isPresent() && !sealed.get().contains("s3cr3t"), "kept sealed");
        assertEquals("s3cr3t", secrets.open(sealed.get()));
    }

    @Test
    void setsTheStaticNatAddressFromThePublicAddressWithAnAdministratorLogLine() {
        long location = ((Number) configuration.create(configuration.catalog().configuration(
                ResourceNames.SYSTEM_LOCATION), Map.of("name", "Overflow"), OPERATOR).get("id")).longValue();
        long nodeId = ((Number) configuration.create(configuration.catalog().configuration(ResourceNames.WORKER_VM),
                Map.of("name", "ovf1", "hostname", "ovf1", "domain", "example.com", "address", "10.0.1.5",
                        "netmask", "255.255.255.0", "gateway", "10.0.1.1", "system_location",
                        "/api/admin/configuration/v1/system_location/" + location + "/", "node_type",
                        "CONFERENCING", "deployment_type", "MANUAL-PROVISION-ONLY"), OPERATOR).get("id")).longValue();
        WorkerVm node = configuration.workerVm(nodeId).orElseThrow();
        CloudInstance running = new CloudInstance("i-0123456789abcdef0", Optional.empty(), CloudInstanceState.RUNNING,
                Optional.of("10.0.1.5"), Optional.of("198.51.100.7"), "c5.2xlarge", Optional.empty(), Map.of());

        assertEquals(Optional.of("198.51.100.7"), cloud.updateStaticNat(new Matching.Match(running, node)));
        WorkerVm updated = configuration.workerVm(nodeId).orElseThrow();
        assertEquals(Optional.of("198.51.100.7"), updated.staticNatAddress());
        List<Map<String, Object>> log = store.read(handle -> handle.createQuery(
                "SELECT user, action, details FROM admin_log WHERE object_id = :id ORDER BY id")
                .bind("id", nodeId).mapToMap().list());
        Map<String, Object> last = log.get(log.size() - 1);
        assertEquals("system:cloud bursting", last.get("user"));
        assertEquals("updated", last.get("action"));
        assertEquals("changed: static_nat_address", last.get("details"));

        assertEquals(Optional.empty(), cloud.updateStaticNat(new Matching.Match(running, updated)),
                "nothing changes when the node has the address already");
    }

    @Test
    void thePolicyNamesTheManagementNodesHostName() {
        assertTrue(cloud.iamPolicy().contains("\"ec2:ResourceTag/pexip-cloud\" : \"unknown\""), cloud.iamPolicy());
    }

    @Test
    void anAlarmNamesTheRefusedPermissionAndClearsWhenItIsGranted() {
        CloudAlarms alarms = new CloudAlarms(configuration, clock);
        CloudFailure refused = new CloudFailure(CloudFailure.Kind.NOT_PERMITTED, Ec2Action.START_INSTANCES,
                "UnauthorizedOperation", "EC2 refused the permission ec2:StartInstances …");
        alarms.refused(refused);
        alarms.refused(refused);
        List<Map<String, Object>> active = store.read(handle -> handle.createQuery(
                "SELECT name, instance, details, level FROM alarm").mapToMap().list());
        assertEquals(1, active.size(), "raised once");
        assertEquals("ec2:StartInstances", active.get(0).get("instance"));
        assertEquals(CloudAlarms.NOT_PERMITTED_NAME, active.get(0).get("name"));

        // a restarted Management Node knows the alarm is raised, and clears it on the first success
        CloudAlarms restarted = new CloudAlarms(configuration, clock);
        restarted.permitted(Ec2Action.DESCRIBE_INSTANCES);
        assertEquals(1, count("SELECT COUNT(*) FROM alarm"));
        restarted.permitted(Ec2Action.START_INSTANCES);
        assertEquals(0, count("SELECT COUNT(*) FROM alarm"));
        assertEquals(1, count("SELECT COUNT(*) FROM alarm_history WHERE time_cleared IS NOT NULL"));

        // raised again after being cleared: a new alarm, beside the first one's history
        restarted.refused(refused);
        assertEquals(1, count("SELECT COUNT(*) FROM alarm"));
        assertEquals(2, count("SELECT COUNT(*) FROM alarm_history"));
    }

    private int count(String sql) {
        return store.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }
}
