package dev.confab.management.cloud;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.time.Duration;

/**
 * Makes the SDK's EC2 client for a {@link CloudAccess}: the region, the endpoint override if any,
 * the credentials, the SDK's Apache HTTP client with short timeouts, and no retries of its own ({@link
 * Retrying} decides what is tried again, so that a refused capacity is not).
 */
final class Ec2Clients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    /** A client and the credentials provider it was given (the client does not close it). */
    record Opened(Ec2Client client, AwsCredentialsProvider credentials) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (credentials instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private Ec2Clients() {
    }

    static Opened open(CloudAccess access) {
        AwsCredentialsProvider credentials = access.credentials() instanceof CloudAccess.AccessKey key
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        Ec2ClientBuilder builder = Ec2Client.builder()
                .region(Region.of(access.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(CONNECT_TIMEOUT.plus(READ_TIMEOUT)));
        access.endpointOverride().ifPresent(builder::endpointOverride);
        return new Opened(builder.build(), credentials);
    }
}
