package dev.confab.management.resource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
