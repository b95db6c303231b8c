package dev.confab.management.cloud.guide;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Conferencing Nodes are overflow (bursting) nodes, and the tag their instances carry. As the
 * guide sets bursting up, overflow nodes live in a location that is another location's primary or
 * secondary overflow location, and only there (as bursting's own instance matching has it); a node
 * the platform marks {@code cloud_bursting} is one too.
 * An overflow node's instance carries {@code pexip-cloud=<the Management Node's tag value>}; an
 * always-on node's instance carries no such tag, or bursting would stop it. Immutable.
 *
 * @param tagName  the tag key ({@code pexip-cloud})
 * @param tagValue the value overflow instances carry: the Management Node's host name, or {@code unknown}
 */
public record OverflowNodes(String tagName, String tagValue, Set<Long> overflowLocations) {

    /** The tag key the guide names. */
    public static final String TAG_NAME = "pexip-cloud";

    public OverflowNodes {
        overflowLocations = Set.copyOf(overflowLocations);
    }

    /** The rule for a platform whose locations overflow to {@code overflowLocations} (ids). */
    public static OverflowNodes of(String tagName, String tagValue, Collection<Long> overflowLocations) {
        return new OverflowNodes(tagName, tagValue, overflowLocations.stream().collect(Collectors.toSet()));
    }

    /** Whether a node in location {@code location}, marked {@code cloudBursting} or not, is an overflow node. */
    public boolean isOverflow(long location, boolean cloudBursting) {
        return cloudBursting || overflowLocations.contains(location);
    }

    /** The {@code pexip-cloud} value the node's instance must carry, or empty when it must carry none. */
    public Optional<String> expectedTag(long location, boolean cloudBursting) {
        return isOverflow(location, cloudBursting) ? Optional.of(tagValue) : Optional.empty();
    }
}
