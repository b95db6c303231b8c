package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.AwsRegions;
import dev.confab.management.resource.catalog.GlobalSettings;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.endpoints.Ec2EndpointParams;
import software.amazon.awssdk.services.ec2.endpoints.Ec2EndpointProvider;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach EC2 for this platform, from the global settings: the region, the endpoint (AWS's own
 * endpoint of the region over HTTPS, such as {@code ec2.us-gov-west-1.amazonaws.com}, unless
 * {@code aws_endpoint} names another), the credentials (the IAM user's access key, or the
 * Management Node instance's role through the SDK's default provider chain) and the tag value of
 * this platform's overflow instances. Immutable; {@link #toString()} leaves the secret out.
 */
public record CloudAccess(String region, Optional<URI> endpointOverride, Credentials credentials, String tagValue) {

    /** Where the credentials come from. */
    public sealed interface Credentials {
    }

    /** An IAM user's access key. */
    public record AccessKey(String accessKeyId, String secretAccessKey) implements Credentials {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + "]";
        }
    }

    /** The role of the instance the Management Node runs on (the SDK's default provider chain). */
    public record InstanceRole() implements Credentials {
    }

    /**
     * The access the settings describe.
     *
     * @param secretAccessKey {@code aws_secret_key}, opened
     * @throws CloudSettingsException when they do not allow a call, saying what to change
     */
    public static CloudAccess of(GlobalSettings settings, Optional<String> secretAccessKey, String tagValue) {
        AwsRegions.problem(settings.awsRegion()).ifPresent(problem -> {
            throw new CloudSettingsException(problem);
        });
        Credentials credentials;
        if (settings.awsInstanceRole()) {
            credentials = new InstanceRole();
        } else if (settings.awsAccessKey().isPresent() && secretAccessKey.filter(key -> !key.isEmpty()).isPresent()) {
            credentials = new AccessKey(settings.awsAccessKey().get(), secretAccessKey.get());
        } else {
            throw new CloudSettingsException("No AWS credentials: set aws_access_key and aws_secret_key in Platform ›"
                    + " Global Settings, or turn on aws_instance_role to use the Management Node instance's role.");
        }
        return new CloudAccess(settings.awsRegion(), settings.awsEndpoint().map(CloudAccess::endpoint), credentials,
                tagValue);
    }

    private static URI endpoint(String text) {
        URI uri = URI.create(text.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new CloudSettingsException("aws_endpoint " + text + " is not an http or https URL.");
        }
        return uri;
    }

    /** The URL calls go to: the override, or AWS's endpoint of the region. */
    public String endpoint() {
        return endpointOverride.map(URI::toString).orElseGet(() -> Ec2EndpointProvider.defaultProvider()
                .resolveEndpoint(Ec2EndpointParams.builder().region(Region.of(region)).build()).join().url()
                .toString());
    }
}
