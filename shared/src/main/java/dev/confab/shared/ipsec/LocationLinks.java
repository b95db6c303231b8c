package dev.confab.shared.ipsec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A system location and the locations its calls may go to: its transcoding location (for proxying
 * edge nodes) and its primary and secondary overflow locations. Absent links are empty strings.
 */
public record LocationLinks(String name, String transcodingLocation, String overflowLocation1,
                            String overflowLocation2) {

    public LocationLinks {
        transcodingLocation = transcodingLocation == null ? "" : transcodingLocation;
        overflowLocation1 = overflowLocation1 == null ? "" : overflowLocation1;
        overflowLocation2 = overflowLocation2 == null ? "" : overflowLocation2;
    }

    /** This location and every location it links to. */
    public Set<String> reachable() {
        Set<String> names = new LinkedHashSet<>();
        for (String location : new String[] {name, transcodingLocation, overflowLocation1, overflowLocation2}) {
            if (!location.isEmpty()) {
                names.add(location);
            }
        }
        return names;
    }
}
