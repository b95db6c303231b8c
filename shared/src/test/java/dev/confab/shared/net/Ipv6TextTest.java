package dev.confab.shared.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv6TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::1", "::", "fe80::1:2:3:4", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1",
            "2001:db8::"})
    void acceptsIpv6TextForms(String address) {
        assertTrue(Ipv6Text.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::g", "1::2::3", "2001:db8:0:0:0:0:0:0:1", "12345::1", ":::", "1.2.3.4",
            "2001:db8:0:0:0:0:0", "::ffff:300.1.1.1", ""})
    void refusesMalformedIpv6(String address) {
        assertFalse(Ipv6Text.isValid(address), address);
    }
}
