package dev.confab.management.resource.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which AWS region names cloud bursting accepts, and why it refuses the others. Pure. */
public final class AwsRegions {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    private AwsRegions() {
    }

    /** What is wrong with {@code region} for bursting, or empty when it is a region Confab can use. */
    public static Optional<String> problem(String region) {
        if (!REGION.matcher(region).matches()) {
            return Optional.of("\"" + region + "\" is not an AWS region name: use one such as us-east-1, eu-west-2"
                    + " or us-gov-west-1.");
        }
        if (region.startsWith("cn-")) {
            return Optional.of("AWS China regions are not supported for bursting: choose a region outside"
                    + " China (" + region + " was given).");
        }
        return Optional.empty();
    }
}
