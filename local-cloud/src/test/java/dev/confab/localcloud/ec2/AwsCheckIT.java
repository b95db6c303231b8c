package dev.confab.localcloud.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementAgent;
import dev.confab.management.ManagementConfig;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.cli.AwsCheckCommand;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.SecurityGroupRules;
import dev.confab.management.resource.ResourceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code confab aws-check} end to end: the command asks a real Management Node, which reads the
 * embedded EC2 endpoint with the AWS SDK (DescribeInstances, DescribeSecurityGroups,
 * DescribeInstanceTypes, DescribeSubnets, signed with its access key) and compares. The guide's
 * deployment gives no finding; each row seeds one fault into the endpoint.
 */
@Timeout(120)
class AwsCheckIT {

    static final String USER = "admin";
    static final String PASSWORD = "correct horse battery staple";
    static final String GROUP = "sg-0a1b2c3d4e5f60718";
    static final Actor OPERATOR = new Actor("admin", "127.0.0.1");

    static Ec2Endpoint ec2;
    static ManagementAgent management;
    static Path dir;
    static Path passwordFile;
    static String lon;
    static String burst;
    static String mgr;
    static long overflowLocation;

    @BeforeAll
    static void platformAndItsDeployment() throws Exception {
        dir = Files.createTempDirectory("confab-aws-check-");
        ec2 = Ec2Endpoint.create(Ec2EndpointConfig.defaults().withRegion("eu-west-1")
                .withDelays(Duration.ZERO, Duration.ZERO)
                .withKey(AccessKey.allowingEverything("AKIAEXAMPLECHECK", "check-secret"))
                .withKey(new AccessKey("AKIAEXAMPLEBURST", "burst-secret", Set.of("DescribeInstances",
                        "StartInstances", "StopInstances")))).start();
        management = ManagementAgent.create(ManagementConfig.defaults(dir.resolve("management"))
                .withBind("127.0.0.1", 0, 0).withInitialAdmin(USER, PASSWORD.toCharArray())).start();
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD);
        var service = management.configuration();
        long overflow = id(service.create(spec("system_location"), Map.of("name", "London overflow"), OPERATOR));
        overflowLocation = overflow;
        long london = id(service.create(spec("system_location"), Map.of("name", "London",
                "overflow_location1", uri("system_location", overflow)), OPERATOR));
        service.create(spec("worker_vm"), node("lon-1", "10.0.1.11", london), OPERATOR);
        service.create(spec("worker_vm"), node("burst-1", "10.0.2.21", overflow), OPERATOR);
        service.update(spec("management_vm"), 1, Map.of("hostname", "mgr", "address", "10.0.0.10",
                "netmask", "255.255.255.0", "gateway", "10.0.0.1"), true, OPERATOR);
        useKey("AKIAEXAMPLECHECK", "check-secret");
        lon = ec2.declare(new InstanceDeclaration(null, "10.0.1.11", Optional.empty(), "c5.2xlarge",
                Map.of("Name", "lon-1"), InstanceState.RUNNING), InstanceMachine.NONE);
        burst = ec2.declare(new InstanceDeclaration(null, "10.0.2.21", Optional.empty(), "c5.2xlarge",
                Map.of("Name", "burst-1", "pexip-cloud", "mgr"), InstanceState.STOPPED), InstanceMachine.NONE);
        mgr = ec2.declare(new InstanceDeclaration(null, "10.0.0.10", Optional.empty(), "m5.xlarge",
                Map.of("Name", "mgr"), InstanceState.RUNNING), InstanceMachine.NONE);
        ec2.network().declare(new Ec2Network.Subnet("subnet-0000000000000000a", "vpc-1", "10.0.1.0/24"));
        ec2.network().declare(new Ec2Network.Subnet("subnet-0000000000000000b", "vpc-1", "10.0.2.0/24"));
        ec2.network().declare(new Ec2Network.Subnet("subnet-0000000000000000c", "vpc-1", "10.0.0.0/24"));
    }

    /** Every check starts from the guide's deployment. */
    @BeforeEach
    void theGuidesDeployment() {
        ec2.network().declare(new Ec2Network.SecurityGroup(GROUP, "confab-mgr-platform", "vpc-1", guideRules()));
        place(lon, "subnet-0000000000000000a", "dedicated", true);
        place(burst, "subnet-0000000000000000b", "dedicated", true);
        place(mgr, "subnet-0000000000000000c", "default", true);
        ec2.network().declare(new Ec2Network.InstanceType("c5.2xlarge", 8, "required"));
        useKey("AKIAEXAMPLECHECK", "check-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        management.stop();
        ec2.stop();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void findsNothingInTheGuidesDeploymentAndOnlyReads() throws Exception {
        int before = ec2.calls().size();

        Result result = check();

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertEquals(0, result.json().get("findings").size(), result.out());
        List<String> actions = ec2.calls().subList(before, ec2.calls().size()).stream().map(Ec2Call::action).toList();
        assertEquals(List.of("DescribeInstances", "DescribeSecurityGroups", "DescribeInstanceTypes",
                "DescribeSubnets"), actions);
        assertTrue(ec2.calls().subList(before, ec2.calls().size()).stream()
                .allMatch(call -> call.accessKeyId().orElseThrow().equals("AKIAEXAMPLECHECK")), "signed with the settings' key");
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault("SSH open to the world", () -> rules(rules -> replace(rules, "tcp", 22, List.of("0.0.0.0/0"),
                        List.of())), 1, "error", GROUP, "TCP 22 from 0.0.0.0/0 is wider than the guide"),
                fault("ESP missing", () -> rules(rules -> rules.removeIf(p -> p.protocol().equals("50"))), 1, "error",
                        GROUP, "ESP (IP protocol 50)"),
                fault("ENA off", () -> place(lon, "subnet-0000000000000000a", "dedicated", false), 1, "error", lon,
                        "ENA is off for the instance"),
                fault("default tenancy", () -> place(lon, "subnet-0000000000000000a", "default", true), 0, "warning",
                        lon, "runs on default tenancy"),
                // both nodes run c5.2xlarge: EC2 describing it as 36 vCPUs concerns both
                fault("a c5 of 36 vCPUs", () -> ec2.network().declare(new Ec2Network.InstanceType("c5.2xlarge", 36,
                        "required")), 1, 2, "error", "i-", "c5.2xlarge has 36 vCPUs"),
                fault("credentials without the check's permissions", () -> useKey("AKIAEXAMPLEBURST", "burst-secret"),
                        1, "error", "region eu-west-1", "ec2:DescribeSecurityGroups"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void findsEachSeededFault(String fault, Runnable seed, int exitCode, int count, String severity, String resource,
                              String problem) throws Exception {
        seed.run();

        Result result = check();

        assertEquals(exitCode, result.exitCode(), result.out() + result.err());
        JsonNode findings = result.json().get("findings");
        assertEquals(count, findings.size(), result.out());
        for (JsonNode finding : findings) {
            assertEquals(severity, finding.get("severity").asText(), result.out());
            assertTrue(finding.get("resource").asText().contains(resource), result.out());
            assertTrue(finding.get("problem").asText().contains(problem), result.out());
        }
    }

    @Test
    void findsAnOverflowNodeWithoutItsTag() throws Exception {
        String untagged = ec2.declare(new InstanceDeclaration(null, "10.0.2.22", Optional.empty(), "c5.2xlarge",
                Map.of("Name", "burst-2"), InstanceState.STOPPED), InstanceMachine.NONE);
        place(untagged, "subnet-0000000000000000b", "dedicated", true);
        Map<String, Object> added = management.configuration().create(spec("worker_vm"),
                node("burst-2", "10.0.2.22", overflowLocation), OPERATOR);
        try {
            Result result = check();

            assertEquals(1, result.exitCode(), result.out());
            assertTrue(result.out().contains("Overflow node burst-2 has no pexip-cloud tag"), result.out());
        } finally {
            management.configuration().delete(spec("worker_vm"), id(added), OPERATOR);
        }
    }

    @Test
    void saysWhenTheEndpointCannotBeReached() throws Exception {
        String endpoint = ec2.uri().toString();
        management.configuration().update(spec("global"), 1, Map.of("aws_endpoint", "http://127.0.0.1:9/"), true,
                OPERATOR);
        try {
            Result result = check();

            assertEquals(1, result.exitCode(), result.out());
            assertTrue(result.out().contains("Could not reach the EC2 endpoint http://127.0.0.1:9/"), result.out());
        } finally {
            management.configuration().update(spec("global"), 1, Map.of("aws_endpoint", endpoint), true, OPERATOR);
        }
    }

    /** The deployment of the README's example. */
    @Test
    void printsTextByDefault() {
        rules(rules -> replace(rules, "tcp", 8443, List.of("0.0.0.0/0"), List.of()));
        place(lon, "subnet-0000000000000000a", "default", true);

        Result result = execute();

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("AWS deployment check at "), result.out());
        assertTrue(result.out().contains("1 error(s), 1 warning(s), 2 finding(s)."), result.out());
        assertTrue(result.out().contains("ERROR   " + GROUP + "\n        The inbound rule TCP 8443 from 0.0.0.0/0 is"
                + " wider than the guide"), result.out());
        assertTrue(result.out().contains("WARNING " + lon + " (lon-1)\n        The instance runs on default"
                + " tenancy"), result.out());
        assertTrue(result.out().contains("  fix:  "), result.out());
    }

    private record Result(int exitCode, String out, String err, JsonNode json) {
    }

    private static Result check() throws Exception {
        Result text = execute("--format", "json");
        return new Result(text.exitCode(), text.out(), text.err(), new ObjectMapper().readTree(text.out()));
    }

    private static Result execute(String... options) {
        List<String> args = new ArrayList<>(List.of("--url", "https://127.0.0.1:" + management.httpsPort() + "/",
                "--ca-file", dir.resolve("management/pki/https-selfsigned.crt").toString(),
                "--password-file", passwordFile.toString()));
        args.addAll(List.of(options));
        CommandLine line = new CommandLine(new AwsCheckCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exitCode = line.execute(args.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString(), null);
    }

    private static Arguments fault(String name, Runnable seed, int exitCode, String severity, String resource,
                                   String problem) {
        return fault(name, seed, exitCode, 1, severity, resource, problem);
    }

    private static Arguments fault(String name, Runnable seed, int exitCode, int count, String severity,
                                   String resource, String problem) {
        return Arguments.of(name, seed, exitCode, count, severity, resource, problem);
    }

    private static List<Ec2Network.Permission> guideRules() {
        List<Ec2Network.Permission> rules = new ArrayList<>();
        for (InboundRule rule : SecurityGroupRules.forTemplate(false)) {
            List<String> cidrs = switch (rule.source()) {
                case ANYWHERE -> List.of("0.0.0.0/0");
                case MANAGEMENT_SUBNET -> List.of("10.0.0.0/24");
                case GROUP -> List.of();
            };
            rules.add(new Ec2Network.Permission(rule.protocol().ec2Name(), rule.fromPort(), rule.toPort(), cidrs,
                    rule.source().name().equals("GROUP") ? List.of(GROUP) : List.of()));
        }
        return rules;
    }

    private static void rules(Consumer<List<Ec2Network.Permission>> change) {
        List<Ec2Network.Permission> rules = guideRules();
        change.accept(rules);
        ec2.network().declare(new Ec2Network.SecurityGroup(GROUP, "confab-mgr-platform", "vpc-1", rules));
    }

    private static void replace(List<Ec2Network.Permission> rules, String protocol, int port, List<String> cidrs,
                                List<String> groups) {
        for (int i = 0; i < rules.size(); i++) {
            Ec2Network.Permission rule = rules.get(i);
            if (rule.protocol().equals(protocol) && rule.fromPort() == port) {
                rules.set(i, new Ec2Network.Permission(protocol, rule.fromPort(), rule.toPort(), cidrs, groups));
            }
        }
    }

    private static void place(String instance, String subnet, String tenancy, boolean ena) {
        ec2.network().place(instance, placement(subnet, tenancy, ena));
    }

    private static Ec2Network.Placement placement(String subnet, String tenancy, boolean ena) {
        return new Ec2Network.Placement(tenancy, ena, List.of(GROUP), subnet);
    }

    private static void useKey(String id, String secret) {
        management.configuration().update(spec("global"), 1, Map.of("aws_access_key", id, "aws_secret_key", secret,
                "aws_region", "eu-west-1", "aws_endpoint", ec2.uri().toString()), true, OPERATOR);
    }

    private static Map<String, Object> node(String name, String address, long location) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("hostname", name);
        node.put("domain", "example.com");
        node.put("address", address);
        node.put("netmask", "255.255.255.0");
        node.put("gateway", address.substring(0, address.lastIndexOf('.')) + ".1");
        node.put("system_location", uri("system_location", location));
        node.put("node_type", "CONFERENCING");
        return node;
    }

    private static String uri(String resource, long id) {
        return "/api/admin/configuration/v1/" + resource + "/" + id + "/";
    }

    private static ResourceSpec spec(String name) {
        return management.configuration().catalog().configuration(name);
    }

    private static long id(Map<String, Object> object) {
        return ((Number) object.get("id")).longValue();
    }
}
