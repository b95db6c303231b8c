package dev.confab.localcloud.ec2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's instance file: what it declares, its defaults, and every mistake named with its place. */
class InstanceFileTest {

    @TempDir
    Path dir;

    private List<InstanceFile.Entry> read(String json) throws IOException {
        Path file = dir.resolve("instances.json");
        Files.writeString(file, json);
        return InstanceFile.read(file);
    }

    @Test
    void readsAnInstanceAndTheNodeItRuns() throws IOException {
        InstanceFile.Entry entry = read("""
                {"instances": [{"instance_id": "i-0a1b2c3d4e5f60718", "private_ip": "127.0.1.3",
                  "elastic_ip": "127.0.1.3", "instance_type": "c5.4xlarge", "state": "running",
                  "tags": {"pexip-cloud": "mgmt", "Name": "demo-cn3"},
                  "node": {"data": "demo-cn3", "system_root": "demo-cn3-root", "log": "logs/demo-cn3.log"}}]}
                """).get(0);
        InstanceDeclaration declared = entry.declaration();
        assertEquals("i-0a1b2c3d4e5f60718", declared.instanceId());
        assertEquals("127.0.1.3", declared.privateIp());
        assertEquals(Optional.of("127.0.1.3"), declared.elasticIp());
        assertEquals("c5.4xlarge", declared.instanceType());
        assertEquals(InstanceState.RUNNING, declared.state());
        assertEquals(Map.of("pexip-cloud", "mgmt", "Name", "demo-cn3"), declared.tags());
        InstanceFile.NodeProcess node = entry.node().orElseThrow();
        assertEquals(dir.resolve("demo-cn3"), node.data());
        assertEquals(dir.resolve("demo-cn3-root"), node.systemRoot());
        assertEquals("127.0.1.3", node.bind(), "a node binds its instance's private address unless told");
        assertEquals(dir.resolve("logs/demo-cn3.log"), node.log());
    }

    @Test
    void onlyThePrivateAddressIsRequired() throws IOException {
        InstanceFile.Entry entry = read("{\"instances\": [{\"private_ip\": \"10.0.1.5\"}]}").get(0);
        assertEquals(InstanceDeclaration.stopped("10.0.1.5"), entry.declaration());
        assertTrue(entry.node().isEmpty());
    }

    @Test
    void namesTheInstanceAndTheMistake() {
        IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class, () -> read(
                "{\"instances\": [{\"private_ip\": \"10.0.1.5\"}, {\"private_ip\": \"10.0.1.6\", \"ip\": \"x\"}]}"));
        assertTrue(unknownKey.getMessage().contains("instances[1]: unknown key \"ip\""), unknownKey.getMessage());
        IllegalArgumentException noAddress = assertThrows(IllegalArgumentException.class,
                () -> read("{\"instances\": [{\"state\": \"stopped\"}]}"));
        assertTrue(noAddress.getMessage().contains("private_ip is required"), noAddress.getMessage());
        IllegalArgumentException badState = assertThrows(IllegalArgumentException.class,
                () -> read("{\"instances\": [{\"private_ip\": \"10.0.1.5\", \"state\": \"asleep\"}]}"));
        assertTrue(badState.getMessage().contains("Unknown instance state \"asleep\""), badState.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("{\"machines\": []}"));
    }

    @Test
    void declaresEveryEntryWithTheMachineOfItsNode() throws IOException {
        List<InstanceFile.Entry> entries = read("""
                {"instances": [{"private_ip": "10.0.1.5", "node": {"data": "a", "system_root": "b"}},
                               {"private_ip": "10.0.1.6"}]}""");
        List<InstanceFile.NodeProcess> made = new java.util.ArrayList<>();
        try (Ec2Endpoint endpoint = Ec2Endpoint.create(Ec2EndpointConfig.defaults())) {
            List<String> ids = InstanceFile.declareAll(endpoint, entries, node -> {
                made.add(node);
                return InstanceMachine.NONE;
            });
            assertEquals(2, ids.size());
            assertEquals(List.of(entries.get(0).node().orElseThrow()), made);
            assertEquals("10.0.1.6", endpoint.instance(ids.get(1)).privateIp());
        }
    }
}
