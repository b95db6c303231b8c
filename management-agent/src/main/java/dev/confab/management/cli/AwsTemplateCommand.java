package dev.confab.management.cli;

import dev.confab.management.ManagementException;
import dev.confab.management.cloud.guide.ConfiguredNode;
import dev.confab.management.cloud.guide.InstanceTypeRules;
import dev.confab.management.cloud.template.CloudFormationTemplate;
import dev.confab.management.cloud.template.DeploymentPlan;
import dev.confab.management.cloud.template.IamIdentity;
import dev.confab.management.cloud.template.TemplateOptions;
import dev.confab.management.cloud.template.TerraformTemplate;
import dev.confab.shared.internal.SecureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code confab aws-template}: the AWS deployment of a Management Node's platform, as the deployment
 * guide has the operator click it together, printed as a CloudFormation template or Terraform
 * configuration: read from the Management Node's management API, checked against the guide.
 */
@Command(name = "aws-template", mixinStandardHelpOptions = true,
        description = {"Print the AWS deployment of a Management Node's platform as a CloudFormation template (YAML)"
                + " or Terraform configuration: the deployment guide's security group, the IAM user or instance"
                + " role with the bursting policy, and one EC2 instance per Conferencing Node configured on it.",
                "Reads the Management Node through its management API; changes nothing there unless"
                        + " --include-node-config is given."})
public final class AwsTemplateCommand implements Callable<Integer> {

    /** The management API's command that makes a node's configuration file, as the Deploy page's Download does. */
    static final String CONFIGURATION_FILE = "command/v1/worker_vm/configuration_file/";

    @Spec
    CommandSpec spec;

    @Mixin
    ManagementApiOptions api = new ManagementApiOptions();

    @Option(names = "--format", defaultValue = "cloudformation",
            description = "cloudformation (YAML) or terraform (HCL, hashicorp/aws provider) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--iam", description = "user: an IAM user for an access key; role: an instance role and profile"
            + " for the Management Node's instance (default: role when aws_instance_role is on, else user).")
    String iam;

    @Option(names = "--instance-type", defaultValue = InstanceTypeRules.RECOMMENDED_TYPE,
            description = "Instance type of the nodes (default: ${DEFAULT-VALUE}, as the guide sizes them).")
    String instanceType;

    @Option(names = "--node-instance-type", paramLabel = "NAME=TYPE",
            description = "Instance type of one node, by its name (repeatable).")
    Map<String, String> nodeInstanceTypes = new LinkedHashMap<>();

    @Option(names = "--tenancy", defaultValue = InstanceTypeRules.TENANCY,
            description = "Tenancy of the instances: dedicated (the guide's) or default (default: ${DEFAULT-VALUE}).")
    String tenancy;

    @Option(names = "--sip-udp", description = "Let SIP over UDP (5060) in, the guide's rule for when it is turned on.")
    boolean sipOverUdp;

    @Option(names = "--include-node-config",
            description = "Put each node's configuration file in its instance's user data, so that it configures"
                    + " itself at first boot. Each file is made as the Deploy page's Download makes it: a new"
                    + " single-use enrolment token valid for 24 hours, the node's earlier unused tokens retired, and"
                    + " a line in the administrator log. Write the template with --output: it then holds those tokens.")
    boolean includeNodeConfig;

    @Option(names = "--output", description = "Write the template to this file (mode 0600) instead of printing it.")
    Path output;

    @Override
    public Integer call() {
        try {
            String template = template();
            if (output == null) {
                spec.commandLine().getOut().print(template);
                spec.commandLine().getOut().flush();
            } else {
                SecureFiles.writeAtomically(output, template.getBytes(StandardCharsets.UTF_8), SecureFiles.OWNER_ONLY);
                spec.commandLine().getErr().println("Wrote " + output + ".");
            }
            return 0;
        } catch (ManagementException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("The template could not be written to " + output + ": "
                    + e.getMessage());
            return 1;
        }
    }

    String template() {
        boolean terraform = switch (format.toLowerCase(Locale.ROOT)) {
            case "cloudformation" -> false;
            case "terraform" -> true;
            default -> throw new ManagementException("--format " + format + " is not cloudformation or terraform.");
        };
        ManagementApiClient client = api.client();
        ConfiguredPlatform platform = ConfiguredPlatform.read(client);
        TemplateOptions options = new TemplateOptions(instanceType, nodeInstanceTypes, identity(platform), sipOverUdp,
                tenancy);
        // the plan is checked before any file is made: a refused template retires no token
        DeploymentPlan.of(platform.nodes(), platform.overflow(), options, Map.of());
        Map<Long, String> files = new LinkedHashMap<>();
        if (includeNodeConfig) {
            for (ConfiguredNode node : platform.nodes()) {
                files.put(node.id(), new String(client.post(CONFIGURATION_FILE, Map.of("worker_vm", node.id())),
                        StandardCharsets.UTF_8));
            }
        }
        DeploymentPlan plan = DeploymentPlan.of(platform.nodes(), platform.overflow(), options, files);
        return terraform ? TerraformTemplate.render(plan) : CloudFormationTemplate.render(plan);
    }

    private IamIdentity identity(ConfiguredPlatform platform) {
        if (iam == null) {
            return platform.instanceRole() ? IamIdentity.ROLE : IamIdentity.USER;
        }
        try {
            return IamIdentity.valueOf(iam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ManagementException("--iam " + iam + " is not user or role.", e);
        }
    }
}
