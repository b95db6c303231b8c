package dev.confab.management.cloud.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.cloud.IamPolicy;
import dev.confab.management.cloud.guide.InboundRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The templates as the validators read them that {@code .ci/run} installs in {@code .ci/tools}
 * ({@code npm ci --prefix .ci/tools}): cfn-lint checks every CloudFormation resource and property
 * against the resource specification; HashiCorp's HCL parser reads the Terraform file, whose
 * rules, instances, policy and user data must read back as planned. Skipped, saying so, where they
 * are not installed.
 */
class TemplateValidatorsIT {

    private static final Path TOOLS = Path.of(System.getProperty("confab.templateTools", "../.ci/tools"));

    @BeforeAll
    static void validatorsAreInstalled() {
        assumeTrue(Files.isExecutable(TOOLS.resolve("node_modules/.bin/cfn-lint"))
                        && Files.isDirectory(TOOLS.resolve("node_modules/@cdktf/hcl2json")),
                "the template validators are not installed: npm ci --prefix .ci/tools (as .ci/run does)");
    }

    @Test
    void cfnLintFindsNothingInEitherIdentitysTemplate(@TempDir Path dir) throws Exception {
        for (IamIdentity identity : IamIdentity.values()) {
            Path template = Files.writeString(dir.resolve(identity + ".yaml"),
                    CloudFormationTemplate.render(PlanFixtures.plan(options(identity))));

            Run lint = run(TOOLS.resolve("node_modules/.bin/cfn-lint").toAbsolutePath().toString(), "validate",
                    template.toString());

            assertEquals(0, lint.exitCode(), lint.output());
            assertTrue(lint.output().contains("Template valid!"), lint.output());
        }
    }

    @Test
    void cfnLintWouldSayWhatIsWrong(@TempDir Path dir) throws Exception {
        String broken = CloudFormationTemplate.render(PlanFixtures.plan()).replace("PrivateIpAddress:",
                "PrivateIp:");
        Path template = Files.writeString(dir.resolve("broken.yaml"), broken);

        Run lint = run(TOOLS.resolve("node_modules/.bin/cfn-lint").toAbsolutePath().toString(), "validate",
                template.toString());

        assertTrue(lint.exitCode() != 0 && lint.output().contains("PrivateIp is not a valid property"), lint.output());
    }

    @Test
    void hclParserReadsBackTheRulesInstancesPolicyAndUserData(@TempDir Path dir) throws Exception {
        DeploymentPlan plan = PlanFixtures.plan();
        JsonNode hcl = hcl(dir, TerraformTemplate.render(plan));

        JsonNode ingress = hcl.get("resource").get("aws_vpc_security_group_ingress_rule");
        assertEquals(plan.rules().size(), ingress.size());
        for (InboundRule rule : plan.rules()) {
            JsonNode read = ingress.get(TemplateNames.ruleName(rule)).get(0);
            assertEquals(rule.protocol().ec2Name(), read.get("ip_protocol").asText());
            switch (rule.source()) {
                case ANYWHERE -> assertEquals("0.0.0.0/0", read.get("cidr_ipv4").asText());
                case MANAGEMENT_SUBNET -> assertEquals("${var.management_subnet_cidr}", read.get("cidr_ipv4").asText());
                case GROUP -> assertEquals("${aws_security_group.platform.id}",
                        read.get("referenced_security_group_id").asText());
                default -> throw new AssertionError(rule.source());
            }
            if (rule.protocol().hasPorts()) {
                assertEquals(rule.fromPort(), read.get("from_port").asInt());
                assertEquals(rule.toPort(), read.get("to_port").asInt());
            }
        }
        JsonNode instances = hcl.get("resource").get("aws_instance");
        JsonNode lon = instances.get("node_1_lon_1").get(0);
        assertEquals("10.0.1.11", lon.get("private_ip").asText());
        assertEquals("dedicated", lon.get("tenancy").asText());
        assertEquals(plan.instances().get(0).userData().orElseThrow(), literal(lon.get("user_data").asText()).strip());
        assertEquals("mgr", instances.get("node_3_burst_1").get(0).get("tags").get("pexip-cloud").asText());
        JsonNode policy = hcl.get("resource").get("aws_iam_user_policy").get("bursting").get(0).get("policy");
        assertEquals(new ObjectMapper().readTree(IamPolicy.document("mgr")),
                new ObjectMapper().readTree(literal(policy.asText())));
    }

    @Test
    void hclParserReadsTheInstanceRoleVariant(@TempDir Path dir) throws Exception {
        JsonNode hcl = hcl(dir, TerraformTemplate.render(PlanFixtures.plan(options(IamIdentity.ROLE))));

        JsonNode resources = hcl.get("resource");
        assertTrue(resources.has("aws_iam_role") && resources.has("aws_iam_role_policy")
                && resources.has("aws_iam_instance_profile") && !resources.has("aws_iam_user"), resources.toString());
    }

    private static TemplateOptions options(IamIdentity identity) {
        return new TemplateOptions("c5.2xlarge", Map.of(), identity, false, "dedicated");
    }

    /** A literal string of Terraform's JSON form: {@code $${} and {@code %%{} stand for {@code ${} and {@code %{}. */
    private static String literal(String json) {
        return json.replace("$${", "${").replace("%%{", "%{");
    }

    private static JsonNode hcl(Path dir, String text) throws Exception {
        Path file = Files.writeString(dir.resolve("main.tf"), text);
        Run parsed = run("node", TOOLS.resolve("hcl2json.js").toAbsolutePath().toString(), file.toString());
        assertEquals(0, parsed.exitCode(), parsed.output());
        return new ObjectMapper().readTree(parsed.output());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .directory(TOOLS.toAbsolutePath().toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + line);
        }
        // without the terminal colours cfn-lint writes
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", ""));
    }
}
