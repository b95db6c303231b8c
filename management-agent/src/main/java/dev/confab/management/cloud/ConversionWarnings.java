package dev.confab.management.cloud;

import dev.confab.management.cloud.guide.ConversionChecks;
import dev.confab.management.cloud.guide.ConversionWarning;
import dev.confab.management.resource.engine.ConfigurationService;

import java.util.List;

/**
 * The guide's conversion checks ({@link ConversionChecks}) over the configuration as it is now,
 * read in one transaction. Thread-safe.
 */
public final class ConversionWarnings {

    private final ConfigurationService configuration;

    public ConversionWarnings(ConfigurationService configuration) {
        this.configuration = configuration;
    }

    public List<ConversionWarning> now() {
        return configuration.read(transaction -> ConversionChecks.check(transaction.reads().systemLocations(),
                transaction.reads().workerVms(), transaction.reads().globalSettings()));
    }
}
