package dev.confab.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.shared.testing.Await;
import dev.confab.shared.testing.FreePort;
import dev.confab.shared.pki.Pem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's configuration-only deployment across real processes: the operator adds a node through
 * the management API, uploads its file to the node's port 8443, the node enrols, restarts into
 * configured mode, and the Management Node lists it as enrolled with a certificate from its CA.
 */
@Timeout(180)
class ProvisioningEndToEndIT {

    private final ChildProcesses children = new ChildProcesses();

    @AfterEach
    void stopChildren() {
        children.stopAll();
    }

    @Test
    void anUploadedFileConfiguresTheNodeWhichRestartsAndIsListedAsEnrolled(@TempDir Path dir) throws Exception {
        // Given a Management Node and an unconfigured Conferencing Node, each its own process
        Path managementData = dir.resolve("management");
        Files.writeString(dir.resolve("password"), "s3cret-for-test");
        int httpsPort = FreePort.on("127.0.0.1");
        int nodePort = FreePort.on("127.0.0.1");
        Process management = children.start(List.of("management-agent", "--data", managementData.toString(),
                "--bind", "127.0.0.1", "--https-port", Integer.toString(httpsPort), "--node-port",
                Integer.toString(nodePort), "--admin-password-file", dir.resolve("password").toString()),
                dir.resolve("management.log"));
        String nodeAddress = "127.0.1.91";
        int uploadPort = FreePort.on(nodeAddress);
        Path nodeData = dir.resolve("node");
        Path systemRoot = Files.createDirectories(dir.resolve("root"));
        ChildProcesses.Supervised node = children.startSupervised(List.of("conferencing-agent", "--data",
                nodeData.toString(), "--system-root", systemRoot.toString(), "--bind", nodeAddress,
                "--provisioning-port", Integer.toString(uploadPort), "--client-api-port",
                Integer.toString(FreePort.on(nodeAddress)), "--node-port", Integer.toString(FreePort.on(nodeAddress))),
                dir.resolve("node.log"));
        ManagementClient api = ManagementClient.await("https://127.0.0.1:" + httpsPort + "/",
                managementData.resolve("pki/https-selfsigned.crt"), "admin", "s3cret-for-test", management,
                Duration.ofSeconds(60), dir.resolve("management.log"));

        // When the operator adds the node and uploads its file over HTTPS
        String location = api.post("/api/admin/configuration/v1/system_location/", Map.of("name", "Loopback"))
                .get("resource_uri").asText();
        ManagementClient.Download file = api.postForFile("/api/admin/configuration/v1/worker_vm/",
                DemoNodes.nodeRequest("e2e-cn1", nodeAddress, location));
        assertEquals("pexip-e2e-cn1.confab.local.xml", file.fileName());
        NodeUploadClient upload = DemoNodes.awaitUploadPage(nodeAddress, uploadPort, nodeData, Duration.ofSeconds(60));
        NodeUploadClient.Answer answer = upload.upload(file.fileName(), file.content());

        // Then the node enrols, restarts into configured mode and refuses further files
        assertEquals(200, answer.status(), answer.body());
        Await.atMost(Duration.ofSeconds(60)).every(Duration.ofMillis(100))
                .until("the node's restart into configured mode", () -> node.restarts() > 0);
        assertEquals(1, node.restarts(), "the node restarted once into configured mode");
        NodeUploadClient.Answer again = DemoNodes.awaitUploadPage(nodeAddress, uploadPort, nodeData, Duration.ofSeconds(60))
                .upload(file.fileName(), file.content());
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("already configured"), again.body());

        // And the Management Node lists it as enrolled, with a certificate that chains to its CA
        JsonNode listed = api.get(file.location());
        assertEquals("ENROLLED", listed.get("enrolment_status").asText());
        X509Certificate certificate = Pem.readCertificates(Files.readString(nodeData.resolve("node.crt"))).get(0);
        X509Certificate ca = Pem.readCertificates(Files.readString(managementData.resolve("pki/ca.crt"))).get(0);
        certificate.verify(ca.getPublicKey());
        assertEquals(listed.get("certificate_serial").asText(), certificate.getSerialNumber().toString(16));
        assertEquals("e2e-cn1\n", Files.readString(systemRoot.resolve("etc/hostname")));
        assertTrue(Files.readString(systemRoot.resolve("etc/systemd/network/10-eth0.network"))
                .contains("Address=" + nodeAddress + "/24"));
    }
}
