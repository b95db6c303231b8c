package dev.confab.localcloud.ipsec;

import dev.confab.launcher.ConfabMain;
import dev.confab.localcloud.DemoNodes;
import dev.confab.localcloud.ManagementClient;
import dev.confab.localcloud.NodeUploadClient;
import dev.confab.shared.testing.Await;
import dev.confab.shared.ipsec.IpsecCertificates;
import dev.confab.shared.ipsec.IpsecCredentials;
import dev.confab.shared.ipsec.IpsecIdentity;
import dev.confab.shared.ipsec.NodeTypes;
import dev.confab.shared.ipsec.StartAction;
import dev.confab.shared.ipsec.SwanctlConf;
import dev.confab.shared.ipsec.SwanctlLayout;
import dev.confab.shared.pki.CertificateAuthority;
import dev.confab.shared.wire.MeshPeer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPsec between a real Management agent and a real Conferencing agent, each in its own network
 * namespace with its own charon, loading the swanctl.conf each agent rendered: after enrolment,
 * the node's calls to the Management Node's node channel cross the wire only as ESP, and a node
 * whose certificate comes from another CA gets no tunnel. Runs as root with strongSwan and tcpdump
 * ({@code -Dgroups=ipsec -DexcludedTestGroups=none}); skipped with the reason otherwise.
 */
@Tag("ipsec")
@Timeout(240)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IpsecMeshIT {

    private static final int HTTPS_PORT = 8443;
    private static final int NODE_PORT = 9443;
    private static final String MARKER = "confab-ipsec-marker-" + System.nanoTime();

    @RegisterExtension
    static final IpsecLab lab = new IpsecLab();
    private static Process nodeAgent;

    @Test
    @Order(1)
    void theNodesCallsToTheManagementNodeCrossTheWireOnlyAsEsp() throws Exception {
        // Given a Management Node and an unconfigured Conferencing Node, each in its namespace
        LabHost management = lab.management();
        LabHost node = lab.node();
        Path password = Files.writeString(lab.dir().resolve("password"), "s3cret-for-ipsec");
        Path managementData = lab.dir().resolve("management-data");
        Process managementAgent = agent(management, lab.dir().resolve("management.log"), "management-agent",
                "--data", managementData.toString(), "--bind", management.address(),
                "--https-port", Integer.toString(HTTPS_PORT), "--node-port", Integer.toString(NODE_PORT),
                "--admin-password-file", password.toString());
        Path nodeData = lab.dir().resolve("node-data");
        Path nodeLog = lab.dir().resolve("node.log");
        List<String> nodeArguments = List.of("conferencing-agent", "--data", nodeData.toString(), "--system-root",
                Files.createDirectories(lab.dir().resolve("node-root")).toString(), "--bind", node.address(),
                "--provisioning-port", Integer.toString(HTTPS_PORT));
        nodeAgent = agent(node, nodeLog, nodeArguments.toArray(String[]::new));
        ManagementClient api = ManagementClient.await("https://" + management.address() + ":" + HTTPS_PORT + "/",
                managementData.resolve("pki/https-selfsigned.crt"), "admin", "s3cret-for-ipsec", managementAgent,
                Duration.ofSeconds(90), lab.dir().resolve("management.log"));

        // When the operator adds the node and uploads its file, the node enrols (before any tunnel can
        // exist) and restarts configured, with a capture running from then on
        String location = api.post("/api/admin/configuration/v1/system_location/", Map.of("name", "Lab"))
                .get("resource_uri").asText();
        ManagementClient.Download file = api.postForFile("/api/admin/configuration/v1/worker_vm/",
                DemoNodes.nodeRequest("ipsec-cn1", node.address(), location));
        NodeUploadClient upload = DemoNodes.awaitUploadPage(node.address(), HTTPS_PORT, nodeData,
                Duration.ofSeconds(90));
        assertEquals(200, upload.upload(file.fileName(), file.content()).status());
        assertTrue(nodeAgent.waitFor(60, TimeUnit.SECONDS), "the node exits to restart configured");
        assertEquals(75, nodeAgent.exitValue());
        nodeAgent = agent(node, nodeLog, nodeArguments.toArray(String[]::new));
        String answers = "node channel at " + management.address() + ":" + NODE_PORT + " answers";
        awaitLines(nodeLog, answers, 1, Duration.ofSeconds(90));

        // Then, with a capture running once both tunnel ends are loaded (the enrolment went in the clear,
        // and its connection's last packets may linger), the node's call at its next start and a
        // plaintext marker sent between the two addresses travel as ESP only
        PacketCapture capture = PacketCapture.start(lab, management, "mesh");
        SecurityAssociations before = SecurityAssociations.of(management);
        IpsecLab.stop(nodeAgent);
        nodeAgent = agent(node, nodeLog, nodeArguments.toArray(String[]::new));
        awaitLines(nodeLog, answers, 2, Duration.ofSeconds(90));
        sendPlainText(node, management.address(), NODE_PORT, MARKER);
        SecurityAssociations after = SecurityAssociations.of(management);
        capture.stop();

        assertTrue(after.active() > 0, "an SA between the two agents:\n" + after.raw());
        assertTrue(after.bytes() > before.bytes(), "the SA byte counters grow: " + before.bytes() + " → "
                + after.bytes());
        Set<String> onTheWire = capture.espSpis();
        assertFalse(onTheWire.isEmpty(), "ESP in UDP 4500 on the wire");
        assertTrue(after.spis().containsAll(onTheWire), "every SPI seen " + onTheWire
                + " is one swanctl --list-sas reports " + after.spis());
        assertEquals(List.of(), capture.packets("tcp and host " + management.address() + " and host "
                + node.address()), "no plaintext TCP between the two agents");
        assertFalse(capture.contains(MARKER), "the payload marker never appears on the wire");
        String conf = Files.readString(nodeData.resolve("ipsec/swanctl/swanctl.conf"));
        assertTrue(conf.contains("proposals = " + SwanctlConf.IKE_PROPOSAL), conf);
    }

    @Test
    @Order(2)
    void aNodeWithACertificateFromAnotherCaGetsNoTunnel() throws Exception {
        // Given the node's address taken over by a host whose certificate comes from another CA
        LabHost management = lab.management();
        LabHost node = lab.node();
        if (nodeAgent != null) {
            IpsecLab.stop(nodeAgent);
        }
        lab.startCharon(node);
        CertificateAuthority foreign = CertificateAuthority.create("Impostor CA", Clock.systemUTC());
        IpsecIdentity impostor = IpsecIdentity.of("impostor", node.address());
        Path swanctl = lab.dir().resolve("impostor/swanctl");
        SwanctlLayout.write(swanctl, impostor, new IpsecCredentials(IpsecCertificates.issue(foreign, "impostor",
                node.address(), Duration.ofDays(1)), foreign.certificate()), SwanctlConf.render(impostor,
                List.of(new MeshPeer("Management Node", management.address(), NodeTypes.MANAGEMENT, "")),
                StartAction.START));
        Map<String, String> environment = new HashMap<>(node.environment());
        environment.put("SWANCTL_DIR", swanctl.toString());
        Commands.Result loaded = Commands.run(node.inside(List.of("swanctl", "--load-all", "--uri", node.vici())),
                environment);
        assertTrue(loaded.ok(), loaded.output());

        // When it tries to bring the tunnel up
        Commands.Result initiated = node.swanctl("--initiate", "--child", SwanctlConf.connectionName(
                management.address()), "--timeout", "20");

        // Then the Management Node refuses it and no SA exists on either side
        assertFalse(initiated.ok(), initiated.output());
        assertEquals(0, SecurityAssociations.of(management).active(), SecurityAssociations.of(management).raw());
        assertEquals(0, SecurityAssociations.of(node).active(), SecurityAssociations.of(node).raw());
    }

    /** Starts {@code confab <arguments>} inside {@code host}'s namespace, with its strongSwan settings. */
    private static Process agent(LabHost host, Path log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ConfabMain.class.getName()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--swanctl-uri", host.vici(), "--ipsec-start-action", "START"));
        return lab.start(host.inside(command), host.environment(), log);
    }

    /** Opens a TCP connection from {@code host} and writes {@code text} on it in the clear. */
    private static void sendPlainText(LabHost host, String address, int port, String text) {
        String script = String.format("exec 3<>/dev/tcp/%s/%d && printf 'GET /%s HTTP/1.0\\r\\n\\r\\n' >&3"
                + " && timeout 3 cat <&3 >/dev/null; true", address, port, text);
        Commands.Result sent = Commands.run(host.inside(List.of("bash", "-c", script)));
        assertTrue(sent.ok(), sent.output());
    }

    /** Waits until {@code text} appears {@code times} times in {@code log}. */
    private static void awaitLines(Path log, String text, int times, Duration timeout) throws Exception {
        Await.atMost(timeout).every(Duration.ofMillis(200)).showing(() -> Files.readString(log))
                .until("'" + text + "' " + times + " times in " + log, () ->
                        Files.exists(log) && Files.readString(log).split(Pattern.quote(text), -1).length - 1 >= times);
    }
}
