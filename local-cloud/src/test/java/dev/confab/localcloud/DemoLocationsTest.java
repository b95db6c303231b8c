package dev.confab.localcloud;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoLocationsTest {

    private static final String LOOPBACK = "/api/admin/configuration/v1/system_location/3/";
    private static final String OVERFLOW = "/api/admin/configuration/v1/system_location/1/";
    private static final String CLOUD = "/api/admin/configuration/v1/system_location/2/";

    @Test
    void theLastOfSeveralNodesIsInOverflowAndCallgenCallsTheOthers() {
        DemoLocations locations = new DemoLocations(LOOPBACK, OVERFLOW, null, 3, 0);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals(LOOPBACK, locations.of(2));
        assertEquals(OVERFLOW, locations.of(3));
        assertEquals("Loopback", locations.nameOf(2));
        assertEquals("Overflow", locations.nameOf(3));
        assertEquals("1,2", locations.loopbackNodes());
    }

    @Test
    void aSingleNodeIsInLoopbackAndCallgenCallsEveryNode() {
        DemoLocations locations = new DemoLocations(LOOPBACK, null, null, 1, 0);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals("Loopback", locations.nameOf(1));
        assertEquals("", locations.loopbackNodes());
    }

    @Test
    void burstingNodesComeAfterTheAlwaysOnNodesInCloudOverflow() {
        DemoLocations locations = new DemoLocations(LOOPBACK, OVERFLOW, CLOUD, 2, 2);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals(OVERFLOW, locations.of(2));
        assertEquals(CLOUD, locations.of(3));
        assertEquals(CLOUD, locations.of(4));
        assertEquals(DemoLocations.CLOUD, locations.nameOf(4));
        assertFalse(locations.bursting(2));
        assertTrue(locations.bursting(3));
        assertEquals("1", locations.loopbackNodes());
    }

    @Test
    void withOneAlwaysOnNodeAndBurstingNodesCallgenCallsTheLoopbackNode() {
        DemoLocations locations = new DemoLocations(LOOPBACK, null, CLOUD, 1, 2);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals(CLOUD, locations.of(2));
        assertEquals("1", locations.loopbackNodes());
    }
}
