package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The launcher starts a Management Node as its own process, which keeps its data across a restart. */
@Timeout(120)
class ManagementAgentProcessIT {

    private final ChildProcesses children = new ChildProcesses();

    @AfterEach
    void stopChildren() {
        children.stopAll();
    }

    @Test
    void aManagementNodeProcessServesTheApiAndKeepsItsStoreAcrossARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path password = dir.resolve("password");
        Files.writeString(password, "s3cret-for-test");
        int httpsPort = freePort();
        String url = "https://127.0.0.1:" + httpsPort + "/";
        List<String> arguments = List.of("management-agent", "--data", data.toString(), "--bind", "127.0.0.1",
                "--https-port", Integer.toString(httpsPort), "--node-port", Integer.toString(freePort()),
                "--admin-password-file", password.toString());

        Process first = children.start(arguments, dir.resolve("first.log"));
        ManagementClient client = ManagementClient.await(url, data.resolve("pki/https-selfsigned.crt"),
                "admin", "s3cret-for-test", first, Duration.ofSeconds(60), dir.resolve("first.log"));
        client.post("/api/admin/configuration/v1/system_location/", Map.of("name", "Durable"));
        children.stopAll();
        assertFalse(first.isAlive(), "SIGTERM stops the Management Node");

        Process second = children.start(arguments, dir.resolve("second.log"));
        ManagementClient again = ManagementClient.await(url, data.resolve("pki/https-selfsigned.crt"),
                "admin", "s3cret-for-test", second, Duration.ofSeconds(60), dir.resolve("second.log"));
        JsonNode locations = again.get("/api/admin/configuration/v1/system_location/?name=Durable");
        assertEquals(1, locations.get("meta").get("total_count").asInt());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
