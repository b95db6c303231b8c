package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.util.List;
import java.util.Map;

/** {@code global}: platform-wide settings, among them dynamic bursting and its AWS access. */
final class GlobalSettingsSpec implements ResourceRules {

    static final String NAME = ResourceNames.GLOBAL;
    /** The tag key that marks a stopped EC2 instance as an overflow node of this platform. */
    public static final String TAG_NAME = "pexip-cloud";
    private static final String AWS = "AWS";
    private static final String AZURE = "AZURE";
    private static final String GCP = "GCP";

    static ResourceSpec spec() {
        return ResourceSpec.builder(NAME, "Global settings")
                .shape(ResourceSpec.Shape.SINGLETON)
                .displayField("cloud_provider")
                .field(FieldSpec.bool("bursting_enabled", false)
                        .help("Whether the Management Node starts overflow Conferencing Nodes (stopped EC2 instances"
                                + " tagged pexip-cloud) when a monitored location runs low on capacity. Idle overflow"
                                + " nodes are stopped after the minimum lifetime either way."))
                .field(FieldSpec.integer("bursting_threshold").defaultValue(5L).range(1, 100000)
                        .help("The free HD calls of a location at or below which an overflow node is started."))
                .field(FieldSpec.integer("bursting_min_lifetime").defaultValue(50L).range(5, 1440)
                        .help("Minutes an overflow node stays up at least once started; it is stopped once it hosts"
                                + " no call after that."))
                .field(FieldSpec.integer("bursting_max_running_nodes").defaultValue(10L).range(0, 10000)
                        .help("Guardrail: the most overflow nodes running or starting at once; beyond it none is"
                                + " started, by bursting or by an administrator (0: none)."))
                .field(FieldSpec.integer("bursting_start_deadline").defaultValue(10L).range(1, 120)
                        .help("Minutes a started overflow node has to report its load; one that has not is given"
                                + " up on and another stopped node is started in its place."))
                .field(FieldSpec.integer("bursting_breaker_errors").defaultValue(3L).range(1, 100)
                        .help("Circuit breaker: this many EC2 errors within bursting_breaker_window minutes pause"
                                + " automatic starts."))
                .field(FieldSpec.integer("bursting_breaker_window").defaultValue(5L).range(1, 1440)
                        .help("Circuit breaker: minutes within which bursting_breaker_errors EC2 errors pause"
                                + " automatic starts."))
                .field(FieldSpec.integer("bursting_breaker_cooldown").defaultValue(10L).range(1, 1440)
                        .help("Circuit breaker: minutes automatic starts stay paused after the last of those"
                                + " errors."))
                .field(FieldSpec.bool("bursting_latency_aware", false)
                        .help("Start overflow nodes early enough that a location's free capacity lasts until they are"
                                + " up: its threshold is raised to the HD calls expected to arrive while a node starts"
                                + " (the recent arrival rate times the longest measured start of its overflow nodes)."))
                .field(FieldSpec.integer("bursting_assumed_start_latency").defaultValue(5L).range(1, 60)
                        .help("Minutes an overflow node is taken to need from its start to its first load report,"
                                + " while none of its location's nodes has a measured start."))
                .field(FieldSpec.bool("bursting_keep_or_stop", false)
                        .help("Before stopping an idle overflow node, weigh the chance that it is needed again soon"
                                + " against the minimum EC2 bills per start; a node likely needed again is kept."))
                .field(FieldSpec.integer("bursting_billed_minutes_per_start").defaultValue(1L).range(1, 60)
                        .help("Minutes EC2 bills at least for every start of an overflow node: 1 with per-second"
                                + " billing, 60 with per-hour billing."))
                .field(FieldSpec.string("cloud_provider").defaultValue(AWS).choices(AWS, AZURE, GCP)
                        .help("The cloud provider that hosts overflow nodes: AWS, AZURE or GCP. Confab describes,"
                                + " starts and stops instances on AWS only; the Azure and GCP credentials are"
                                + " stored only."))
                .field(FieldSpec.string("aws_access_key").nullable().maxLength(128)
                        .help("Access key ID of the IAM user that may describe, start and stop the overflow instances."))
                .field(FieldSpec.string("aws_secret_key").nullable().maxLength(128).secret(FieldSpec.Secret.SEALED)
                        .help("Secret access key of that IAM user (write-only; kept encrypted)."))
                .field(FieldSpec.bool("aws_instance_role", false)
                        .help("Use the Management Node instance's IAM role instead of an access key."))
                .field(FieldSpec.string("aws_region").defaultValue("us-east-1").required().maxLength(32)
                        .help("AWS region of the overflow instances, such as us-east-1 or us-gov-west-1 (AWS China"
                                + " regions are not supported)."))
                .field(FieldSpec.string("aws_endpoint").nullable().maxLength(250).format(Format.URL)
                        .help("EC2 endpoint URL; blank for AWS's own endpoint of the region"
                                + " (https://ec2.REGION.amazonaws.com)."))
                .field(FieldSpec.string("azure_client_id").nullable().maxLength(100)
                        .help(StoredOnly.help("Client (application) ID of the Azure service principal for bursting.")))
                .field(FieldSpec.string("azure_secret").nullable().maxLength(200).secret(FieldSpec.Secret.SEALED)
                        .help(StoredOnly.help("Secret of that service principal (write-only; kept encrypted).")))
                .field(FieldSpec.string("azure_subscription_id").nullable().maxLength(100)
                        .help(StoredOnly.help("Azure subscription of the overflow nodes.")))
                .field(FieldSpec.string("azure_tenant").nullable().maxLength(100)
                        .help(StoredOnly.help("Azure tenant (directory) ID of the service principal.")))
                .field(FieldSpec.string("gcp_client_email").nullable().maxLength(250).format(Format.EMAIL)
                        .help(StoredOnly.help("Email of the GCP service account for bursting.")))
                .field(FieldSpec.string("gcp_private_key").nullable().maxLength(8192).multiLine()
                        .secret(FieldSpec.Secret.SEALED)
                        .help(StoredOnly.help("Private key (PEM) of that service account (write-only; kept"
                                + " encrypted).")))
                .field(FieldSpec.string("gcp_project_id").nullable().maxLength(100)
                        .help(StoredOnly.help("GCP project of the overflow nodes.")))
                .field(FieldSpec.bool("enable_ssh", true)
                        .help("Platform-wide SSH access, followed by nodes set to GLOBAL."))
                .field(FieldSpec.integer("media_ports_start").defaultValue(40000L).range(1024, 65535)
                        .help(StoredOnly.help("First UDP port of the media port range.")))
                .field(FieldSpec.integer("media_ports_end").defaultValue(49999L).range(1024, 65535)
                        .help(StoredOnly.help("Last UDP port of the media port range.")))
                .field(FieldSpec.integer("signalling_ports_start").defaultValue(33000L).range(1024, 65535)
                        .help(StoredOnly.help("First port of the signalling port range.")))
                .field(FieldSpec.integer("signalling_ports_end").defaultValue(39999L).range(1024, 65535)
                        .help(StoredOnly.help("Last port of the signalling port range.")))
                .field(FieldSpec.string("max_pixels_per_second").defaultValue("hd").choices("sd", "hd", "fullhd")
                        .help(StoredOnly.help("Highest call quality of the platform: sd, hd or fullhd.")))
                .field(FieldSpec.string("crypto_mode").defaultValue("besteffort").choices("besteffort", "on", "off")
                        .help(StoredOnly.help("Media encryption: besteffort, on (required) or off.")))
                .field(FieldSpec.bool("enable_edge_non_mesh", true)
                        .help(StoredOnly.help("Let proxying edge nodes skip the IPsec mesh with nodes they need"
                                + " not reach; Confab's mesh already leaves those out.")))
                .field(FieldSpec.string("metrics_scrape_token").nullable().minLength(24).maxLength(256)
                        .secret(FieldSpec.Secret.SEALED)
                        .help("Bearer token that may read /metrics (Prometheus's authorization credentials), 24"
                                + " to 256 characters; blank keeps it, null removes it, and without one /metrics"
                                + " answers the administrator's credentials only (write-only; kept encrypted)."))
                .field(FieldSpec.string("deployment_uuid").readOnly()
                        .help("Identifier of this platform, made when its store was created (read-only)."))
                .field(FieldSpec.string("bursting_tag_name").computed()
                        .help("Tag key that marks overflow instances (read-only)."))
                .field(FieldSpec.string("bursting_tag_value").computed()
                        .help("Tag value that marks overflow instances: the Management Node's host name (read-only)."))
                .rules(new GlobalSettingsSpec())
                .build();
    }

    @Override
    public void check(Candidate settings, StoreView store, FieldErrors errors) {
        checkPorts(settings, errors);
        AwsRegions.problem(settings.text("aws_region")).ifPresent(problem -> errors.add("aws_region", problem));
        if (settings.flag("bursting_enabled") && !settings.text("cloud_provider").equals(AWS)) {
            List<String> needed = settings.text("cloud_provider").equals(AZURE)
                    ? List.of("azure_client_id", "azure_secret", "azure_subscription_id", "azure_tenant")
                    : List.of("gcp_client_email", "gcp_private_key", "gcp_project_id");
            needed.stream().filter(field -> settings.text(field).isEmpty()).forEach(field -> errors.add(field,
                    "Bursting on " + settings.text("cloud_provider") + " needs " + field + "."));
        }
        if (settings.flag("bursting_enabled") && settings.text("cloud_provider").equals(AWS)
                && !settings.flag("aws_instance_role")) {
            if (settings.text("aws_access_key").isEmpty()) {
                errors.add("aws_access_key", "Bursting on AWS needs an access key (or turn on aws_instance_role).");
            }
            if (settings.text("aws_secret_key").isEmpty()) {
                errors.add("aws_secret_key", "Bursting on AWS needs a secret key (or turn on aws_instance_role).");
            }
        }
    }

    /** Each range runs upwards, and media and signalling use different ports. */
    private static void checkPorts(Candidate settings, FieldErrors errors) {
        for (String range : new String[] {"media_ports", "signalling_ports"}) {
            Long start = settings.number(range + "_start");
            Long end = settings.number(range + "_end");
            if (start != null && end != null && start > end) {
                errors.add(range + "_end", "The last port must not be below the first (" + start + ").");
            }
        }
        Long mediaStart = settings.number("media_ports_start");
        Long mediaEnd = settings.number("media_ports_end");
        Long signallingStart = settings.number("signalling_ports_start");
        Long signallingEnd = settings.number("signalling_ports_end");
        if (mediaStart != null && mediaEnd != null && signallingStart != null && signallingEnd != null
                && mediaStart <= signallingEnd && signallingStart <= mediaEnd && !errors.has("media_ports_end")
                && !errors.has("signalling_ports_end")) {
            errors.add("media_ports_start", "The media ports " + mediaStart + "-" + mediaEnd + " overlap the"
                    + " signalling ports " + signallingStart + "-" + signallingEnd + ": give each its own range.");
        }
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        values.put("bursting_tag_name", TAG_NAME);
        values.put("bursting_tag_value", tagValue(store));
    }

    /** The Management Node's host name, or {@code unknown} before one is set. */
    static String tagValue(StoreView store) {
        return store.find(ManagementVms.NAME, 1).map(row -> row.get("hostname"))
                .filter(hostname -> hostname != null && !hostname.toString().isEmpty())
                .map(Object::toString).orElse("unknown");
    }
}
