package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confab.management.testing.Fixtures;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.nodeconfig.NodeConfig;
import dev.confab.shared.nodeconfig.NodeConfigReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.confab.management.testing.Fixtures.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code confab aws-template} against a running Management Node, through its management API. */
@Timeout(60)
class AwsTemplateCommandIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @TempDir
    static Path dir;

    static Path passwordFile;

    @BeforeAll
    static void platformOfAnAlwaysOnAndAnOverflowLocation() throws Exception {
        String overflow = Fixtures.createLocation(node, "London overflow");
        String london = Fixtures.createLocation(node, "London");
        assertEquals(200, node.patch(london, Map.of("overflow_location1", overflow)).status());
        assertEquals(201, node.post(CONFIG + "worker_vm/", Fixtures.node("lon-1", "10.0.1.11", london)).status());
        assertEquals(201, node.post(CONFIG + "worker_vm/", Fixtures.node("burst-1", "10.0.2.21", overflow)).status());
        passwordFile = Files.writeString(dir.resolve("password"), RunningNode.PASSWORD + "\n");
    }

    @Test
    void printsOneInstancePerNodeAndTagsTheOverflowNodeWithoutMakingAnyToken() throws Exception {
        int files = configurationFilesLogged();

        Result result = run();

        assertEquals(0, result.exitCode(), result.err());
        JsonNode resources = new ObjectMapper(new YAMLFactory()).readTree(result.out()).get("Resources");
        JsonNode lon = resources.get("Node1Lon1").get("Properties");
        assertEquals("10.0.1.11", lon.get("PrivateIpAddress").asText());
        assertEquals(1, lon.get("Tags").size(), "an always-on node carries no pexip-cloud tag");
        assertFalse(lon.has("UserData"));
        JsonNode burst = resources.get("Node2Burst1").get("Properties");
        assertEquals("pexip-cloud", burst.get("Tags").get(1).get("Key").asText());
        assertEquals(tagValue(), burst.get("Tags").get(1).get("Value").asText());
        assertTrue(resources.has("BurstingUser"), "aws_instance_role is off: an IAM user");
        assertEquals(files, configurationFilesLogged(), "reading made no configuration file");
    }

    @Test
    void putsEachNodesNewConfigurationFileInItsUserDataWhenAskedAndWritesItPrivately() throws Exception {
        int files = configurationFilesLogged();
        Path output = dir.resolve("platform.yaml");

        Result result = run("--include-node-config", "--output", output.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
        JsonNode resources = new ObjectMapper(new YAMLFactory()).readTree(output.toFile()).get("Resources");
        String userData = resources.get("Node1Lon1").get("Properties").get("UserData").get("Fn::Base64").asText();
        String file = new ObjectMapper().readTree(userData).get("conferencing_node_config").asText();
        NodeConfig config = new NodeConfigReader(Clock.systemUTC()).read(file.getBytes(StandardCharsets.UTF_8));
        assertEquals("10.0.1.11", config.node().ipv4Address());
        assertEquals(files + 2, configurationFilesLogged(), "one file per node, each in the administrator log");
    }

    @Test
    void printsTerraformWhenAsked() {
        Result result = run("--format", "terraform", "--iam", "role");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("resource \"aws_instance\" \"node_2_burst_1\" {"), result.out());
        assertTrue(result.out().contains("resource \"aws_iam_instance_profile\" \"management\" {"), result.out());
    }

    @Test
    void refusesAnInstanceTypeTheGuideDoesNotUseBeforeMakingAnyFile() {
        int files = configurationFilesLogged();

        Result result = run("--include-node-config", "--node-instance-type", "lon-1=c5.9xlarge");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("lon-1: c5.9xlarge has 36 vCPUs"), result.err());
        assertEquals(files, configurationFilesLogged(), "no token was made for a template that was refused");
    }

    @Test
    void saysHowToGiveThePasswordWhenThereIsNone() {
        Result result = execute("--url", url(), "--ca-file", certificate());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("--password-file"), result.err());
    }

    @Test
    void saysWhenTheCredentialsAreRefused() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "not the password");

        Result result = execute("--url", url(), "--ca-file", certificate(), "--password-file", wrong.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("refused the credentials"), result.err());
    }

    @Test
    void theCommandRefusesANodeItCannotName() {
        RunningNode.Response refused = node.post("/api/admin/command/v1/worker_vm/configuration_file/",
                Map.of("worker_vm", "lon-1"));
        RunningNode.Response missing = node.post("/api/admin/command/v1/worker_vm/configuration_file/",
                Map.of("worker_vm", 999));

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("resource_uri"), refused.text());
        assertEquals(404, missing.status(), missing.text());
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... options) {
        List<String> args = new ArrayList<>(List.of("--url", url(), "--ca-file", certificate(),
                "--password-file", passwordFile.toString()));
        args.addAll(List.of(options));
        return execute(args.toArray(String[]::new));
    }

    private static Result execute(String... args) {
        CommandLine line = new CommandLine(new AwsTemplateCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exitCode = line.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static String url() {
        return node.uri("/").toString();
    }

    private static String certificate() {
        return node.data().resolve("pki/https-selfsigned.crt").toString();
    }

    private static String tagValue() {
        return node.get(CONFIG + "global/1/").body().get("bursting_tag_value").asText();
    }

    private static int configurationFilesLogged() {
        return node.get("/api/admin/history/v1/admin_log/?action=configuration_file&limit=0").body().get("meta")
                .get("total_count").asInt();
    }
}
