package dev.confab.management.resource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The address formats of the catalog; the arithmetic behind them is tested in {@code shared.net}. */
class IpFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "255.255.255.255", "0.0.0.0", "192.168.1.254"})
    void acceptsDottedQuadIpv4(String address) {
        assertTrue(Format.IPV4.accepts(address));
        assertTrue(Format.IP.accepts(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "256.1.1.1", "1.2.3.4.5", "01.2.3.4", "a.b.c.d", " 1.2.3.4", ""})
    void refusesMalformedIpv4(String address) {
        assertFalse(Format.IPV4.accepts(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::1", "::", "fe80::1:2:3:4", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1",
            "2001:db8::"})
    void acceptsIpv6TextForms(String address) {
        assertTrue(Format.IPV6.accepts(address), address);
        assertTrue(Format.IP.accepts(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::g", "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::1", ":::", "1.2.3.4",
            "2001:db8:0:0:0:0:0", "::ffff:300.1.1.1"})
    void refusesMalformedIpv6(String address) {
        assertFalse(Format.IPV6.accepts(address), address);
    }

    @ParameterizedTest
    @CsvSource({"255.255.255.0,true", "255.255.240.0,true", "255.255.255.255,true", "0.0.0.0,true",
            "255.0.255.0,false", "255.255.255.1,false"})
    void acceptsContiguousNetmasksOnly(String netmask, boolean accepted) {
        assertEquals(accepted, Format.NETMASK.accepts(netmask));
    }
}
