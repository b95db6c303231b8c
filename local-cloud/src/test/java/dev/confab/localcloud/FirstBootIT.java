package dev.confab.localcloud;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import dev.confab.conferencing.admission.AdmissionConfig;
import dev.confab.shared.testing.Await;
import dev.confab.localcloud.testing.InProcessPlatform;
import dev.confab.localcloud.testing.SystemRootSnapshot;
import dev.confab.management.health.NodeReport;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node whose EC2 user data holds its configuration file configures itself at first boot, without a
 * person, and once configured sizes its capacity for the instance type the metadata service names.
 */
@Timeout(60)
class FirstBootIT {

    private static final String TOKEN = "imds-token-1";

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();

    @Test
    void appliesTheFileInTheUserDataAsIfUploaded() throws Exception {
        // Given a node's file in the instance's user data, served by a metadata service that requires IMDSv2;
        // when the node boots for the first time
        FirstBooted booted = bootFromUserData("boot-cn1", "127.0.1.70", "m5.xlarge");
        try {
            // Then it is configured and enrolled exactly as after an upload, and restarts
            assertTrue(booted.restarted().await(5, TimeUnit.SECONDS), "the node restarts into configured mode");
            assertTrue(booted.agent().isConfigured());
            assertEquals("ENROLLED", platform.enrolmentStatus(booted.node().id()));
            assertEquals("boot-cn1\n", Files.readString(booted.root().resolve("etc/hostname")));
        } finally {
            booted.agent().stop();
            booted.imds().stop();
        }
    }

    @Test
    void reportsTheCapacityOfTheInstanceTypeTheMetadataServiceNames() throws Exception {
        // Given a node configured from its user data on a c5.9xlarge (36 vCPUs: more than any test machine)
        FirstBooted booted = bootFromUserData("boot-cn2", "127.0.1.71", "c5.9xlarge");
        assertTrue(booted.restarted().await(5, TimeUnit.SECONDS), "the node restarts into configured mode");
        booted.agent().stop();

        // When it runs configured
        ConferencingAgent agent = ConferencingAgent.create(booted.config(), () -> { }).start();
        try {
            // Then its heartbeats carry the guide's sizing of that type, not its CPU count's (this machine's)
            // (the guide's c5.2xlarge of 17 HD / 39 SD / 324 audio per 8 vCPUs, times 4.5)
            long id = booted.node().id();
            NodeReport report = Await.atMost(Duration.ofSeconds(30)).until("capacity of a c5.9xlarge", () ->
                    platform.management().monitor().reports().stream()
                            .filter(found -> found.nodeId() == id && found.capacity().maxHdCalls() == 77)
                            .findFirst().orElse(null));
            assertEquals(176, report.capacity().maxSdCalls());
            assertEquals(1458, report.capacity().maxAudioCalls());
            assertEquals("c5.9xlarge", agent.status().get("instance_type"));
        } finally {
            agent.stop();
            booted.imds().stop();
        }
    }

    /** A node added on the platform, its file in the user data of an instance of {@code instanceType}, booted once. */
    private record FirstBooted(InProcessPlatform.AddedNode node, Path root, Javalin imds, ConferencingConfig config,
                               ConferencingAgent agent, CountDownLatch restarted) {
    }

    private static FirstBooted bootFromUserData(String name, String address, String instanceType) throws Exception {
        InProcessPlatform.AddedNode node = platform.addNode(name, address);
        Path root = SystemRootSnapshot.populate(platform.directory().resolve(name + "-root"));
        Javalin imds = metadataService(userData(node), instanceType);
        ConferencingConfig config = ConferencingConfig.defaults(platform.directory().resolve(name + "-data"), root,
                address).withProvisioningPort(0).withImds("http://127.0.0.1:" + imds.port())
                .withAdmission(new AdmissionConfig(0, 0, AdmissionConfig.DEFAULT_TOKEN_LIFETIME));
        CountDownLatch restarted = new CountDownLatch(1);
        ConferencingAgent agent = ConferencingAgent.create(config, restarted::countDown).start();
        agent.awaitFirstBoot();
        return new FirstBooted(node, root, imds, config, agent, restarted);
    }

    private static String userData(InProcessPlatform.AddedNode node) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("conferencing_node_config", new String(node.file().content(), StandardCharsets.UTF_8)));
    }

    /** An instance metadata service that answers only with an IMDSv2 token. */
    private static Javalin metadataService(String userData, String instanceType) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.put("/latest/api/token", ctx -> {
                assertTrue(ctx.header("X-aws-ec2-metadata-token-ttl-seconds") != null, "IMDSv2 asks for a TTL");
                ctx.result(TOKEN);
            });
            config.routes.before("/latest/*", ctx -> {
                if (!ctx.method().name().equals("PUT") && !TOKEN.equals(ctx.header("X-aws-ec2-metadata-token"))) {
                    ctx.status(401).skipRemainingHandlers();
                }
            });
            config.routes.get("/latest/user-data", ctx -> ctx.result(userData));
            config.routes.get("/latest/meta-data/instance-type", ctx -> ctx.result(instanceType));
        }).start("127.0.0.1", 0);
    }
}
