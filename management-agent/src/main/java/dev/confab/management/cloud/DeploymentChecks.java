package dev.confab.management.cloud;

import dev.confab.management.cloud.check.DeploymentCheck;
import dev.confab.management.cloud.check.Finding;
import dev.confab.management.cloud.check.Severity;
import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.OverflowNodes;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.shared.net.Ipv4Network;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deployment check on the Management Node: reads the deployment from EC2 with the platform's own
 * AWS access ({@link CloudService#readDeployment()}), compares it with the guide and the configured
 * nodes ({@link DeploymentCheck}), and keeps the last result for Global Settings. When EC2 cannot be
 * read, the result is one error naming the region and endpoint and why. The last result lives in
 * memory: a restarted Management Node has none until the next check. Thread-safe.
 */
public final class DeploymentChecks {

    /** One check's findings, errors first, and when it ran. */
    public record Result(Instant checkedAt, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
        }
    }

    private final CloudService cloud;
    private final ConfigurationService configuration;
    private final Clock clock;
    private final AtomicReference<Result> last = new AtomicReference<>();

    public DeploymentChecks(CloudService cloud, ConfigurationService configuration, Clock clock) {
        this.cloud = cloud;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Checks the deployment now.
     *
     * @param managementSubnet the operators' network, to hold administration sources to; empty to accept any
     */
    public Result run(Optional<Ipv4Network> managementSubnet) {
        Platform platform = configuration.read(transaction -> {
            List<ConfiguredNode> nodes = new ArrayList<>();
            for (WorkerVm node : transaction.reads().workerVms()) {
                nodes.add(new ConfiguredNode(node.id(), node.name(), node.hostname(), node.address(), node.netmask(),
                        node.systemLocation(), node.cloudBursting()));
            }
            List<Long> overflowLocations = new ArrayList<>();
            for (SystemLocation location : transaction.reads().systemLocations()) {
                location.overflowLocation1().ifPresent(overflowLocations::add);
                location.overflowLocation2().ifPresent(overflowLocations::add);
            }
            return new Platform(nodes, OverflowNodes.of(Catalog.burstingTagName(),
                    transaction.reads().burstingTagValue(), overflowLocations),
                    transaction.reads().globalSettings().awsRegion());
        });
        DeploymentRead read = cloud.readDeployment();
        List<Finding> findings;
        if (read instanceof DeploymentRead.Read deployment) {
            findings = DeploymentCheck.check(deployment.deployment(), platform.nodes(), platform.overflow(),
                    managementAddress(), managementSubnet);
        } else {
            CloudFailure failure = ((DeploymentRead.Failed) read).failure();
            findings = List.of(new Finding(Severity.ERROR, "region " + platform.region(), failure.message(),
                    fix(failure)));
        }
        Result result = new Result(clock.instant(), findings);
        last.set(result);
        return result;
    }

    /** The last check's result, or empty before the first since the Management Node started. */
    public Optional<Result> last() {
        return Optional.ofNullable(last.get());
    }

    private Optional<String> managementAddress() {
        try {
            Object address = configuration.get(configuration.catalog().configuration(ResourceNames.MANAGEMENT_VM), 1)
                    .get("address");
            return address == null || address.toString().isEmpty() ? Optional.empty()
                    : Optional.of(address.toString());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String fix(CloudFailure failure) {
        return switch (failure.kind()) {
            case NOT_CONFIGURED -> "Set the AWS access in Platform › Global Settings.";
            case NOT_PERMITTED -> "Attach the IAM policy shown in Platform › Global Settings to the Management Node's"
                    + " IAM user or role: it lists the check's read-only permissions.";
            case UNREACHABLE -> "Check aws_region and aws_endpoint in Platform › Global Settings, and that the"
                    + " Management Node reaches that endpoint.";
            case THROTTLED, UNAVAILABLE -> "Check again in a minute.";
            case REFUSED -> "See EC2's answer above.";
        };
    }

    private record Platform(List<ConfiguredNode> nodes, OverflowNodes overflow, String region) {
    }
}
