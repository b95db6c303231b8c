package dev.confab.shared.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4AddressTest {

    @ParameterizedTest
    @CsvSource({"10.0.0.1,167772161", "255.255.255.255,4294967295", "0.0.0.0,0", "192.168.1.254,3232236030",
            "10.0.0.10,167772170"})
    void readsDottedQuadsAndWritesThemBack(String text, long value) {
        Ipv4Address address = Ipv4Address.parse(text);

        assertEquals(value, address.toUnsignedLong());
        assertEquals(text, address.toString());
        assertTrue(Ipv4Address.isValid(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0|four numbers", "1.2.3.4.5|four numbers", "10.0.0.1.|four numbers", "''|four numbers",
        "256.1.1.1|256 is above 255", "10.0.0.256|256 is above 255", "01.2.3.4|\"01\" has a leading zero",
        "10.0.0.01|\"01\" has a leading zero", "a.b.c.d|\"a\" is not a number", "' 1.2.3.4'|\" 1\" is not a number",
        "::1|four numbers", "1.2.3.-4|\"-4\" is not a number", "1.2.3.+4|\"+4\" is not a number",
        "1.2.3.1000|\"1000\" is not a number"})
    void refusesAnythingButADottedQuadSayingWhy(String text, String reason) {
        Ipv4FormatException refused = assertThrows(Ipv4FormatException.class, () -> Ipv4Address.parse(text));

        assertTrue(refused.getMessage().startsWith("\"" + text + "\" is not an IPv4 address: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertFalse(Ipv4Address.isValid(text));
        assertTrue(Ipv4Address.tryParse(text).isEmpty());
    }

    @Test
    void refusesNullLikeAnyOtherBadText() {
        assertFalse(Ipv4Address.isValid(null));
        assertThrows(Ipv4FormatException.class, () -> Ipv4Address.parse(null));
    }

    @ParameterizedTest
    @CsvSource({
        // address,         unspecified, loopback, limited broadcast, multicast, link-local
        "0.0.0.0,           true,  false, false, false, false",
        "127.0.0.1,         false, true,  false, false, false",
        "127.255.255.254,   false, true,  false, false, false",
        "126.255.255.255,   false, false, false, false, false",
        "255.255.255.255,   false, false, true,  false, false",
        "224.0.0.1,         false, false, false, true,  false",
        "239.255.255.255,   false, false, false, true,  false",
        "240.0.0.1,         false, false, false, false, false",
        "223.255.255.255,   false, false, false, false, false",
        "169.254.169.123,   false, false, false, false, true",
        "169.253.0.1,       false, false, false, false, false",
        "10.0.0.10,         false, false, false, false, false"})
    void classifiesTheAddressesAnOperatorCannotGiveAHost(String text, boolean unspecified, boolean loopback,
                                                          boolean limitedBroadcast, boolean multicast,
                                                          boolean linkLocal) {
        Ipv4Address address = Ipv4Address.parse(text);

        assertEquals(unspecified, address.isUnspecified(), "unspecified");
        assertEquals(loopback, address.isLoopback(), "loopback");
        assertEquals(limitedBroadcast, address.isLimitedBroadcast(), "limited broadcast");
        assertEquals(multicast, address.isMulticast(), "multicast");
        assertEquals(linkLocal, address.isLinkLocal(), "link-local");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1,10.0.0.2,-1", "9.255.255.255,10.0.0.0,-1", "128.0.0.0,127.255.255.255,1",
            "10.0.0.1,10.0.0.1,0"})
    void ordersAddressesAsUnsignedNumbers(String left, String right, int order) {
        assertEquals(order, Integer.signum(Ipv4Address.parse(left).compareTo(Ipv4Address.parse(right))));
    }
}
