package dev.confab.localcloud;

import dev.confab.conferencing.ConferencingAgent;
import dev.confab.conferencing.ConferencingConfig;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node whose EC2 user data holds its configuration file configures itself at first boot, without a person. */
@Timeout(60)
class FirstBootIT {

    @RegisterExtension
    static final InProcessPlatform platform = new InProcessPlatform();

    @Test
    void appliesTheFileInTheUserDataAsIfUploaded() throws Exception {
        // Given a node's file in the instance's user data, served by a metadata service that requires IMDSv2
        InProcessPlatform.AddedNode node = platform.addNode("boot-cn1", "127.0.1.70");
        String userData = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("conferencing_node_config", new String(node.file().content(), StandardCharsets.UTF_8)));
        Javalin imds = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.put("/latest/api/token", ctx -> {
                assertTrue(ctx.header("X-aws-ec2-metadata-token-ttl-seconds") != null, "IMDSv2 asks for a TTL");
                ctx.result("imds-token-1");
            });
            config.routes.get("/latest/user-data", ctx -> {
                if (!"imds-token-1".equals(ctx.header("X-aws-ec2-metadata-token"))) {
                    ctx.status(401);
                    return;
                }
                ctx.result(userData);
            });
        }).start("127.0.0.1", 0);
        CountDownLatch restarted = new CountDownLatch(1);
        Path root = SystemRootSnapshot.populate(platform.directory().resolve("boot-root"));

        // When the node boots for the first time
        ConferencingAgent agent = ConferencingAgent.create(ConferencingConfig.defaults(
                platform.directory().resolve("boot-node"), root, "127.0.1.70").withProvisioningPort(0)
                .withImds("http://127.0.0.1:" + imds.port()), restarted::countDown).start();
        try {
            agent.awaitFirstBoot();

            // Then it is configured and enrolled exactly as after an upload, and restarts
            assertTrue(restarted.await(5, TimeUnit.SECONDS), "the node restarts into configured mode");
            assertTrue(agent.isConfigured());
            assertEquals("ENROLLED", platform.enrolmentStatus(node.id()));
            assertEquals("boot-cn1\n", Files.readString(root.resolve("etc/hostname")));
        } finally {
            agent.stop();
            imds.stop();
        }
    }
}
