package dev.confab.management.cloud;

import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** A node's {@code static_nat_address} kept to its EC2 instance's public address. Stateless. */
public final class StaticNatAddress {

    private static final Logger LOG = LoggerFactory.getLogger(StaticNatAddress.class);

    private StaticNatAddress() {
    }

    /**
     * Sets the node's {@code static_nat_address} to its instance's public address, through the
     * configuration pipeline (a new revision, and an administrator-log line by
     * {@link CloudService#ACTOR}), when the instance has one and the node does not have it already.
     *
     * @return the address set, or empty when nothing changed
     */
    public static Optional<String> update(ConfigurationService configuration, Matching.Match match) {
        Optional<String> publicIp = match.instance().publicIp();
        if (publicIp.isEmpty() || publicIp.equals(match.node().staticNatAddress())) {
            return Optional.empty();
        }
        configuration.update(configuration.catalog().configuration(ResourceNames.WORKER_VM), match.node().id(),
                Map.of("static_nat_address", publicIp.get()), true, CloudService.ACTOR);
        LOG.info("Cloud bursting: static NAT address of {} set to {}, the public address of EC2 instance {}",
                match.node().name(), publicIp.get(), match.instance().instanceId());
        return publicIp;
    }
}
