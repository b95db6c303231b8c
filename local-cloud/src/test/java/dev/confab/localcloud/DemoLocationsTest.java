package dev.confab.localcloud;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemoLocationsTest {

    private static final String LOOPBACK = "/api/admin/configuration/v1/system_location/2/";
    private static final String OVERFLOW = "/api/admin/configuration/v1/system_location/1/";

    @Test
    void theLastOfSeveralNodesIsInOverflowAndCallgenCallsTheOthers() {
        DemoLocations locations = new DemoLocations(LOOPBACK, OVERFLOW, 3);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals(LOOPBACK, locations.of(2));
        assertEquals(OVERFLOW, locations.of(3));
        assertEquals("Loopback", locations.nameOf(2));
        assertEquals("Overflow", locations.nameOf(3));
        assertEquals("1,2", locations.loopbackNodes());
    }

    @Test
    void aSingleNodeIsInLoopbackAndCallgenCallsEveryNode() {
        DemoLocations locations = new DemoLocations(LOOPBACK, null, 1);

        assertEquals(LOOPBACK, locations.of(1));
        assertEquals("Loopback", locations.nameOf(1));
        assertEquals("", locations.loopbackNodes());
    }
}
