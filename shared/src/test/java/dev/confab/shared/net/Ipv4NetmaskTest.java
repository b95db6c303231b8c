package dev.confab.shared.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4NetmaskTest {

    @ParameterizedTest
    @CsvSource({"255.255.255.0,24", "255.255.240.0,20", "255.255.255.255,32", "0.0.0.0,0", "128.0.0.0,1",
            "255.255.255.254,31", "255.0.0.0,8"})
    void convertsBetweenAContiguousMaskAndItsPrefixLength(String text, int prefixLength) {
        assertEquals(prefixLength, Ipv4Netmask.parse(text).prefixLength());
        assertEquals(text, Ipv4Netmask.ofPrefix(prefixLength).toString());
        assertTrue(Ipv4Netmask.isValid(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.0.255.0", "255.255.255.1", "0.255.255.255", "255.255.253.0", "127.255.255.255"})
    void refusesAMaskWithAHole(String text) {
        Ipv4FormatException refused = assertThrows(Ipv4FormatException.class, () -> Ipv4Netmask.parse(text));

        assertTrue(refused.getMessage().contains("is not a network mask"), refused.getMessage());
        assertTrue(Ipv4Netmask.tryParse(text).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.255.255", "255.255.255.00", "/24", "24", ""})
    void refusesTextThatIsNoAddressAtAll(String text) {
        Ipv4FormatException refused = assertThrows(Ipv4FormatException.class, () -> Ipv4Netmask.parse(text));

        assertTrue(refused.getMessage().contains("is not an IPv4 address"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 33})
    void refusesAPrefixLengthOutsideZeroToThirtyTwo(int prefixLength) {
        assertThrows(Ipv4FormatException.class, () -> Ipv4Netmask.ofPrefix(prefixLength));
    }
}
