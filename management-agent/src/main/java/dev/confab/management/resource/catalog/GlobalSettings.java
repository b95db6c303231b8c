package dev.confab.management.resource.catalog;

import dev.confab.management.resource.StoredRow;

import java.util.Optional;

/**
 * The platform-wide settings ({@code global}, one object) as stored, without the sealed secrets
 * ({@link #sealedAwsSecretKey} and {@link #sealedMetricsScrapeToken} read them apart, for the one component
 * that uses each). Immutable.
 *
 * @param burstingMinLifetime minutes an overflow node stays up at least once started
 * @param enableSsh           platform-wide SSH access, followed by nodes set to {@code GLOBAL}
 */
public record GlobalSettings(boolean burstingEnabled, int burstingThreshold, int burstingMinLifetime,
                             String cloudProvider, Optional<String> awsAccessKey, boolean awsInstanceRole,
                             String awsRegion, Optional<String> awsEndpoint, boolean enableSsh) {

    /** The settings as the engine stored them. */
    public static GlobalSettings of(StoredRow row) {
        return new GlobalSettings(row.flag("bursting_enabled"), row.integer("bursting_threshold"),
                row.integer("bursting_min_lifetime"), row.text("cloud_provider"), row.optionalText("aws_access_key"),
                row.flag("aws_instance_role"), row.text("aws_region"), row.optionalText("aws_endpoint"),
                row.flag("enable_ssh"));
    }

    /** The AWS secret access key of the settings, still sealed under the Management Node's secret key. */
    public static Optional<String> sealedAwsSecretKey(StoredRow row) {
        return row.optionalText("aws_secret_key");
    }

    /** The token that may read {@code /metrics}, still sealed under the Management Node's secret key. */
    public static Optional<String> sealedMetricsScrapeToken(StoredRow row) {
        return row.optionalText("metrics_scrape_token");
    }
}
