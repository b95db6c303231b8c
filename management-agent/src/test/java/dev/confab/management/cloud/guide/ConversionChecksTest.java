package dev.confab.management.cloud.guide;

import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.confab.management.cloud.guide.ConversionWarning.Kind.DISTRIBUTED_DATABASE;
import static dev.confab.management.cloud.guide.ConversionWarning.Kind.MIXED_LOCATION;
import static dev.confab.management.cloud.guide.ConversionWarning.Kind.NOT_AN_OVERFLOW_LOCATION;
import static dev.confab.management.cloud.guide.ConversionWarning.Kind.SECONDARY_OVERFLOW_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's conversion checks, one configuration per row: London (1) and Paris (2) hold always-on
 * nodes, Burst (3) is where overflow nodes belong.
 */
class ConversionChecksTest {

    private static final long LONDON = 1;
    private static final long PARIS = 2;
    private static final long BURST = 3;

    private static SystemLocation location(long id, String name, Long primary, Long secondary) {
        return new SystemLocation(id, name, "", 1500, List.of(), List.of(), Optional.ofNullable(primary),
                Optional.ofNullable(secondary), Optional.empty());
    }

    /** A node; {@code marked} is the platform's cloud_bursting mark, {@code database} its distributed database. */
    private static WorkerVm node(String name, long location, boolean marked, boolean database) {
        return new WorkerVm(name.hashCode(), name, "", name, "example.com", "10.0.0." + (name.length() + location),
                "255.255.255.0", "10.0.0.1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), WorkerVm.NodeType.CONFERENCING, location, WorkerVm.GENERIC_DEPLOYMENT,
                Optional.empty(), false, "", database, marked, WorkerVm.SshAccess.GLOBAL, Optional.empty(),
                Optional.empty(), 4, 4096, Optional.empty());
    }

    private static GlobalSettings bursting(boolean enabled) {
        return new GlobalSettings(enabled, 5, 50, "AWS", Optional.empty(), true, "eu-west-2", Optional.empty(), false);
    }

    private static List<SystemLocation> londonOverflowingTo(Long primary, Long secondary) {
        return List.of(location(LONDON, "London", primary, secondary), location(PARIS, "Paris", null, null),
                location(BURST, "Burst", null, null));
    }

    static Stream<Arguments> configurations() {
        WorkerVm london = node("lon-1", LONDON, false, true);
        WorkerVm burst = node("burst-1", BURST, false, false);
        return Stream.of(
                Arguments.of("as the guide sets it up: primary overflow to a location of overflow nodes",
                        londonOverflowingTo(BURST, null), List.of(london, burst), true, List.of()),
                Arguments.of("an overflow node with the distributed database on",
                        londonOverflowingTo(BURST, null), List.of(london, node("burst-1", BURST, false, true)), true,
                        List.of(DISTRIBUTED_DATABASE)),
                Arguments.of("a marked node among always-on nodes, in a location no one overflows to",
                        londonOverflowingTo(PARIS, null), List.of(london, node("lon-2", LONDON, true, false)), true,
                        List.of(MIXED_LOCATION, NOT_AN_OVERFLOW_LOCATION)),
                Arguments.of("a marked node with the distributed database on, among always-on nodes",
                        londonOverflowingTo(null, null), List.of(london, node("lon-2", LONDON, true, true)), false,
                        List.of(MIXED_LOCATION, DISTRIBUTED_DATABASE, NOT_AN_OVERFLOW_LOCATION)),
                Arguments.of("the overflow location only as a secondary overflow location",
                        londonOverflowingTo(PARIS, BURST), List.of(london, burst), true,
                        List.of(SECONDARY_OVERFLOW_ONLY)),
                Arguments.of("primary of one location and secondary of another",
                        List.of(location(LONDON, "London", BURST, null), location(PARIS, "Paris", null, BURST),
                                location(BURST, "Burst", null, null)), List.of(london, burst), true, List.of()),
                Arguments.of("a marked node in a location no one names as its overflow location",
                        londonOverflowingTo(null, null), List.of(london, node("burst-1", BURST, true, false)), true,
                        List.of(NOT_AN_OVERFLOW_LOCATION)),
                Arguments.of("bursting disabled and no node marked: nothing set up for bursting",
                        londonOverflowingTo(PARIS, BURST), List.of(london, node("burst-1", BURST, false, true)), false,
                        List.of()),
                Arguments.of("bursting disabled: a marked node is still checked",
                        londonOverflowingTo(PARIS, BURST), List.of(london, node("burst-1", BURST, true, true)), false,
                        List.of(DISTRIBUTED_DATABASE, SECONDARY_OVERFLOW_ONLY)),
                Arguments.of("an overflow location without nodes",
                        londonOverflowingTo(PARIS, BURST), List.of(london), true, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void warnsWhereTheConfigurationDepartsFromTheGuide(String configuration, List<SystemLocation> locations,
                                                       List<WorkerVm> nodes, boolean enabled,
                                                       List<ConversionWarning.Kind> expected) {
        List<ConversionWarning> warnings = ConversionChecks.check(locations, nodes, bursting(enabled));
        assertEquals(expected, warnings.stream().map(ConversionWarning::kind).toList(), warnings.toString());
    }

    @Test
    void onceEc2IsDescribedTakesAlwaysOnNodesOfASecondaryOverflowLocationForNoOverflowNodes() {
        WorkerVm alwaysOn = node("paris-1", PARIS, false, false);
        WorkerVm burst = node("burst-1", BURST, false, false);
        List<ConversionWarning> warnings = ConversionChecks.check(londonOverflowingTo(BURST, PARIS),
                List.of(node("lon-1", LONDON, false, false), alwaysOn, burst), bursting(true),
                Optional.of(java.util.Set.of(burst.id())));
        assertEquals(List.of(), warnings);
    }

    @Test
    void onceEc2IsDescribedFindsAPairedNodeBesideAlwaysOnOnes() {
        WorkerVm paired = node("lon-cloud", LONDON, false, false);
        List<ConversionWarning> warnings = ConversionChecks.check(londonOverflowingTo(BURST, null),
                List.of(node("lon-1", LONDON, false, false), paired), bursting(true),
                Optional.of(java.util.Set.of(paired.id())));
        assertEquals(List.of(ConversionWarning.Kind.MIXED_LOCATION, NOT_AN_OVERFLOW_LOCATION),
                warnings.stream().map(ConversionWarning::kind).toList(), warnings.toString());
    }

    @Test
    void namesTheNodesOfAMixedLocationAndWhatToDo() {
        ConversionWarning mixed = ConversionChecks.check(londonOverflowingTo(BURST, null), List.of(
                node("lon-1", LONDON, false, false), node("lon-0", LONDON, true, false)), bursting(true)).get(0);
        assertEquals("London", mixed.location());
        assertEquals(List.of("lon-0", "lon-1"), mixed.nodes());
        assertEquals("Location \"London\" mixes always-on and overflow Conferencing Nodes (overflow: lon-0;"
                + " always-on: lon-1): the guide keeps overflow nodes in a location of their own; move them to a"
                + " location that other locations name as their primary overflow location.", mixed.message());
    }

    @Test
    void namesTheLocationsThatUseItAsTheirSecondaryOverflowLocation() {
        List<SystemLocation> locations = List.of(location(LONDON, "London", PARIS, BURST),
                location(PARIS, "Paris", null, BURST), location(BURST, "Burst", null, null));
        ConversionWarning warning = ConversionChecks.check(locations, List.of(node("burst-1", BURST, false, false)),
                bursting(true)).get(0);
        assertEquals(SECONDARY_OVERFLOW_ONLY, warning.kind());
        assertTrue(warning.message().contains("only the secondary overflow location of \"London\", \"Paris\":"),
                warning.message());
        assertTrue(warning.message().contains("make it the primary overflow location"), warning.message());
    }

    @Test
    void namesTheNodeWhoseDistributedDatabaseIsOn() {
        ConversionWarning warning = ConversionChecks.check(londonOverflowingTo(BURST, null),
                List.of(node("burst-1", BURST, false, true)), bursting(true)).get(0);
        assertEquals(List.of("burst-1"), warning.nodes());
        assertEquals("Overflow Conferencing Node \"burst-1\" in \"Burst\" has the distributed database on: the guide"
                + " turns it off on overflow nodes, which are stopped whenever they are idle; clear Enable distributed"
                + " database on the node.", warning.message());
    }

    @Test
    void ordersWarningsByLocationName() {
        List<SystemLocation> locations = List.of(location(LONDON, "Zurich", null, null),
                location(PARIS, "Amsterdam", null, null));
        List<ConversionWarning> warnings = ConversionChecks.check(locations, List.of(node("z", LONDON, true, false),
                node("a", PARIS, true, false)), bursting(true));
        assertEquals(List.of("Amsterdam", "Zurich"), warnings.stream().map(ConversionWarning::location).toList());
    }
}
