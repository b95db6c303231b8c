package dev.confab.management.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.ManagementException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code confab aws-check}: asks a Management Node to compare its AWS deployment with the deployment
 * guide (with its own AWS access, read-only) and prints the findings; exits 1 when any is an error,
 * 2 when the check could not be asked for.
 */
@Command(name = "aws-check", mixinStandardHelpOptions = true,
        description = {"Check a Management Node's AWS deployment against the deployment guide: security-group rules"
                + " (missing, or open wider than the guide), the pexip-cloud tag of overflow and always-on nodes,"
                + " tenancy, instance types (no c4/c5 of 36 vCPUs or more), ENA, and each node's instance and"
                + " address.",
                "The Management Node reads EC2 with its own AWS access (read-only calls). Exit code: 0 without"
                        + " errors, 1 with errors, 2 when the check could not run."})
public final class AwsCheckCommand implements Callable<Integer> {

    /** The management API's command that runs the check. */
    static final String RUN = "command/v1/platform/aws_check/";

    @Spec
    CommandSpec spec;

    @Mixin
    ManagementApiOptions api = new ManagementApiOptions();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--management-subnet", paramLabel = "CIDR",
            description = "The operators' network, such as 10.0.0.0/24: SSH, 8443 and ICMP open to anything else"
                    + " are reported too.")
    String managementSubnet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean asJson = switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new ManagementException("--format " + format + " is not text or json.");
            };
            Map<String, Object> body = new LinkedHashMap<>();
            if (managementSubnet != null) {
                body.put("management_subnet", managementSubnet);
            }
            byte[] answer = api.client().post(RUN, body);
            JsonNode result = new ObjectMapper().readTree(answer);
            if (asJson) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } else {
                text(result, out);
            }
            out.flush();
            return result.get("errors").asLong() > 0 ? 1 : 0;
        } catch (ManagementException | IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    private static void text(JsonNode result, PrintWriter out) {
        JsonNode findings = result.get("findings");
        out.println("AWS deployment check at " + result.get("checked_at").asText() + " UTC: " + result.get("errors").asLong()
                + " error(s), " + result.get("warnings").asLong() + " warning(s), " + findings.size() + " finding(s).");
        for (JsonNode finding : findings) {
            out.println();
            out.println(String.format("%-7s %s", finding.get("severity").asText().toUpperCase(Locale.ROOT),
                    finding.get("resource").asText()));
            out.println("        " + finding.get("problem").asText());
            out.println("  fix:  " + finding.get("fix").asText());
        }
        if (findings.isEmpty()) {
            out.println("The deployment is as the guide has it.");
        }
    }
}
