package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.cloud.DeploymentChecks;
import dev.confab.management.cloud.check.Finding;
import dev.confab.management.cloud.check.Severity;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.store.Times;
import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Network;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS deployment check in the API (ours: the reference platform has none): {@code POST
 * /api/admin/command/v1/platform/aws_check/} runs it, optionally with {@code {"management_subnet":
 * "10.0.0.0/24"}} to hold administration sources to that network; {@code GET
 * /api/admin/status/v1/aws_check/} answers the last result. Both answer {@code checked_at} (UTC),
 * {@code errors}, {@code warnings} and {@code findings} (each {@code severity}, {@code resource},
 * {@code problem}, {@code fix}). What {@code confab aws-check} and Global Settings show.
 */
public final class AwsCheckApi {

    public static final String RUN = "/api/admin/command/v1/platform/aws_check/";
    public static final String LAST = "/api/admin/status/v1/aws_check/";

    private final DeploymentChecks checks;
    private final ObjectMapper json;

    public AwsCheckApi(DeploymentChecks checks, ObjectMapper json) {
        this.checks = checks;
        this.json = json;
    }

    /** Registers the routes; before the catalog's, whose {@code {resource}/} would match {@link #LAST} too. */
    public void register(JavalinConfig config) {
        config.routes.post(RUN, this::run);
        config.routes.get(LAST, this::last);
    }

    private void run(Context ctx) throws Exception {
        Object subnet = JsonBody.objectOrEmpty(ctx, json).get("management_subnet");
        ctx.json(answer(checks.run(managementSubnet(subnet))));
    }

    private void last(Context ctx) {
        ctx.json(answer(checks.last().orElseThrow(() -> new NotFoundException("No AWS deployment check has run since"
                + " the Management Node started: POST " + RUN + " runs one."))));
    }

    static Optional<Ipv4Network> managementSubnet(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        int slash = text.indexOf('/');
        Optional<Ipv4Address> address = slash < 0 ? Optional.empty() : Ipv4Address.tryParse(text.substring(0, slash));
        try {
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (address.isPresent() && prefix >= 0 && prefix <= 32) {
                return Optional.of(Ipv4Network.of(address.get(), prefix));
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // refused below
        }
        throw new ValidationException("The check did not run.", Map.of("management_subnet",
                "Give the management network as an IPv4 CIDR block such as 10.0.0.0/24."));
    }

    /** A result as the API answers it. */
    public static Map<String, Object> answer(DeploymentChecks.Result result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("checked_at", Times.format(result.checkedAt()));
        answer.put("errors", count(result.findings(), Severity.ERROR));
        answer.put("warnings", count(result.findings(), Severity.WARNING));
        List<Map<String, Object>> findings = result.findings().stream().map(finding -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            item.put("resource", finding.resource());
            item.put("problem", finding.problem());
            item.put("fix", finding.fix());
            return item;
        }).toList();
        answer.put("findings", findings);
        return answer;
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
