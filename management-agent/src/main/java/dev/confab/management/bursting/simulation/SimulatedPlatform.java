package dev.confab.management.bursting.simulation;

import dev.confab.management.bursting.Location;
import dev.confab.management.bursting.Node;
import dev.confab.shared.capacity.CallType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The platform a trace is replayed on: locations with their overflow locations, always-on and
 * overflow nodes with their capacity in HD calls, how long overflow nodes take to start, and how
 * EC2 bills them. Ids are given in order: locations from 1, nodes from 101. Immutable.
 */
public record SimulatedPlatform(List<Place> places, List<Machine> machines, BootTimes bootTimes, Billing billing) {

    /** A location; {@code primaryOverflow} and {@code secondaryOverflow} name other places (or are null). */
    public record Place(String name, String primaryOverflow, String secondaryOverflow) {
        public Place {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A Conferencing Node: always-on, or an overflow (bursting) node with an EC2 instance. */
    public record Machine(String name, String place, boolean bursting, int hdCalls) {
        public Machine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(place, "place");
            if (hdCalls < 1) {
                throw new IllegalArgumentException("Node " + name + " holds " + hdCalls + " HD calls; give it at least 1");
            }
        }
    }

    public SimulatedPlatform {
        places = List.copyOf(places);
        machines = List.copyOf(machines);
        Objects.requireNonNull(bootTimes, "bootTimes");
        Objects.requireNonNull(billing, "billing");
        Set<String> names = new HashSet<>();
        for (Place place : places) {
            if (!names.add(place.name())) {
                throw new IllegalArgumentException("Location " + place.name() + " is named twice");
            }
        }
        for (Place place : places) {
            for (String overflow : new String[] {place.primaryOverflow(), place.secondaryOverflow()}) {
                if (overflow != null && !names.contains(overflow)) {
                    throw new IllegalArgumentException("Location " + place.name() + " overflows to " + overflow
                            + ", which is not a location of the platform");
                }
            }
        }
        Set<String> machineNames = new HashSet<>();
        for (Machine machine : machines) {
            if (!names.contains(machine.place())) {
                throw new IllegalArgumentException("Node " + machine.name() + " is in " + machine.place()
                        + ", which is not a location of the platform");
            }
            if (!machineNames.add(machine.name())) {
                throw new IllegalArgumentException("Node " + machine.name() + " is named twice");
            }
        }
    }

    /** The id the policy knows location {@code name} by. */
    public long locationId(String name) {
        for (int i = 0; i < places.size(); i++) {
            if (places.get(i).name().equals(name)) {
                return i + 1L;
            }
        }
        throw new IllegalArgumentException("Location " + name + " is not a location of the platform; it has "
                + String.join(", ", places.stream().map(Place::name).toList()));
    }

    /** The locations as the policy sees them. */
    List<Location> locations() {
        List<Location> locations = new ArrayList<>();
        for (Place place : places) {
            locations.add(new Location(locationId(place.name()), place.name(),
                    Optional.ofNullable(place.primaryOverflow()).map(this::locationId),
                    Optional.ofNullable(place.secondaryOverflow()).map(this::locationId)));
        }
        return locations;
    }

    /** The nodes as the policy sees them, in the order of {@link #machines()}. */
    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < machines.size(); i++) {
            Machine machine = machines.get(i);
            nodes.add(new Node(101L + i, machine.name(), locationId(machine.place()), machine.bursting(),
                    machine.hdCalls() * CallType.TOKENS_PER_HD, false));
        }
        return nodes;
    }

    /** HD calls of the always-on nodes of each location. */
    Map<String, Integer> alwaysOnHdCalls() {
        Map<String, Integer> hd = new HashMap<>();
        machines.stream().filter(machine -> !machine.bursting())
                .forEach(machine -> hd.merge(machine.place(), machine.hdCalls(), Integer::sum));
        return hd;
    }
}
