package dev.confab.management.cloud;

import dev.confab.management.cloud.guide.ConversionChecks;
import dev.confab.management.cloud.guide.ConversionWarning;
import dev.confab.management.resource.engine.ConfigurationService;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The guide's conversion checks ({@link ConversionChecks}) over the configuration as it is now,
 * read in one transaction. Thread-safe.
 */
public final class ConversionWarnings {

    private final ConfigurationService configuration;
    private final Supplier<Optional<Set<Long>>> paired;

    /** @param paired the nodes paired with a tagged EC2 instance when EC2 was last described, if it has been */
    public ConversionWarnings(ConfigurationService configuration, Supplier<Optional<Set<Long>>> paired) {
        this.configuration = configuration;
        this.paired = paired;
    }

    public List<ConversionWarning> now() {
        return configuration.read(transaction -> ConversionChecks.check(transaction.reads().systemLocations(),
                transaction.reads().workerVms(), transaction.reads().globalSettings(), paired.get()));
    }
}
