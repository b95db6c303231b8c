package dev.confab.localcloud.testing;

import dev.confab.localcloud.DemoNodes;
import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.provisioning.ConfigurationFiles;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real Management Node in this JVM on 127.0.0.1 (ports chosen by the system), with one location,
 * for tests that drive Conferencing Node agents against it. Register as a static extension field.
 */
public final class InProcessPlatform implements BeforeAllCallback, AfterAllCallback {

    public static final Actor OPERATOR = new Actor("admin", "127.0.0.1");

    /** A node added with its configuration file. */
    public record AddedNode(long id, ConfigurationFiles.File file, NodeConfig config) {
    }

    private ManagementAgent management;
    private Path dir;
    private long locationId;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("confab-platform-");
        // heartbeats every second, so that what nodes report arrives within a test's patience
        management = ManagementAgent.create(ManagementConfig.defaults(dir.resolve("management"))
                .withBind("127.0.0.1", 0, 0).withHeartbeat(java.time.Duration.ofSeconds(1))).start();
        locationId = ((Number) management.configuration().create(spec("system_location"),
                Map.of("name", "Loopback"), OPERATOR).get("id")).longValue();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        management.stop();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    public ManagementAgent management() {
        return management;
    }

    public Path directory() {
        return dir;
    }

    public ResourceSpec spec(String resource) {
        return management.configuration().catalog().configuration(resource);
    }

    /** Adds a generic node as the API does and makes its configuration file. */
    public AddedNode addNode(String name, String address) {
        Map<String, Object> request = DemoNodes.nodeRequest(name, address,
                "/api/admin/configuration/v1/system_location/" + locationId + "/");
        long id = ((Number) management.configuration().create(spec("worker_vm"), request, OPERATOR).get("id"))
                .longValue();
        ConfigurationFiles.File file = management.nodes().files().create(id, OPERATOR);
        return new AddedNode(id, file, new NodeConfigReader(Clock.systemUTC()).read(file.content()));
    }

    public void deleteNode(long id) {
        management.configuration().delete(spec("worker_vm"), id, OPERATOR);
    }

    /** The node's {@code enrolment_status} as the management API lists it. */
    public String enrolmentStatus(long id) {
        return String.valueOf(management.configuration().get(spec("worker_vm"), id).get("enrolment_status"));
    }
}
