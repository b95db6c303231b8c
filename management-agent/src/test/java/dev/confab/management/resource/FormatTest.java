package dev.confab.management.resource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatTest {

    @ParameterizedTest
    @CsvSource({"HOSTNAME,conf-01,true", "HOSTNAME,-conf,false", "HOSTNAME,conf_01,false", "HOSTNAME,a.b,false",
            "DOMAIN,vc.example.com,true", "DOMAIN,example..com,false", "DOMAIN,.example.com,false",
            "DIGITS,1234,true", "DIGITS,123,false", "DIGITS,12345678901234567890,true",
            "DIGITS,123456789012345678901,false", "DIGITS,12a4,false", "HOST,ntp.example.com,true",
            "HOST,192.0.2.1,true", "HOST,bad host,false", "URL,http://127.0.0.1:4566,true", "URL,ftp://x,false"})
    void checksEachSyntax(Format format, String value, boolean accepted) {
        assertEquals(accepted, format.accepts(value));
    }

    @ParameterizedTest
    @CsvSource({"NODE_IPV4,10.0.0.10,", "NODE_IPV4,0.0.0.0,unspecified", "NODE_IPV4,127.0.0.1,loopback",
            "NODE_IPV4,255.255.255.255,broadcast", "NODE_IPV4,224.0.0.1,multicast", "NODE_IPV4,169.254.1.1,link-local",
            "NODE_IPV4,10.0.0.300,valid IPv4", "GATEWAY_IPV4,169.254.0.1,", "GATEWAY_IPV4,0.0.0.0,unspecified",
            "GATEWAY_IPV4,127.0.0.1,loopback", "GATEWAY_IPV4,239.0.0.1,multicast"})
    void refusesAddressesThatAreNoHostsSayingWhy(Format format, String value, String why) {
        String problem = format.problem(value, false);
        if (why == null) {
            assertEquals(null, problem);
        } else {
            assertTrue(problem != null && problem.contains(why), problem);
        }
    }

    @org.junit.jupiter.api.Test
    void acceptsLoopbackNodesOnlyWhenTheyAre() {
        assertEquals(null, Format.NODE_IPV4.problem("127.0.1.1", true));
        assertEquals(null, Format.GATEWAY_IPV4.problem("127.0.1.254", true));
        assertTrue(Format.NODE_IPV4.problem("0.0.0.0", true).contains("unspecified"));
    }
}
