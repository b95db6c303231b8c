package dev.confab.localcloud.ec2;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signature Version 4 checked against vectors of AWS's published test suite (key AKIDEXAMPLE, region
 * us-east-1, service "service", 2015-08-30T12:36:00Z), and every way a request is refused.
 */
class SigV4VerifierTest {

    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";

    private final SigV4Verifier verifier = new SigV4Verifier(
            id -> id.equals(KEY) ? Optional.of(SECRET) : Optional.empty(), "us-east-1", "service");

    private static SignedRequest request(String method, String query, String signedHeaders, String signature,
                                         Map<String, String> extraHeaders, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.amazonaws.com"));
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + SCOPE + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature));
        return new SignedRequest(method, "/", query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsGetVanilla() {
        assertEquals(KEY, verifier.verify(request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
    }

    @Test
    void acceptsAQueryWhoseKeysArriveOutOfOrder() {
        assertEquals(KEY, verifier.verify(request("GET", "Param2=value2&Param1=value1", "host;x-amz-date",
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Map.of(), ""), SIGNED_AT));
    }

    @Test
    void acceptsPostVanilla() {
        assertEquals(KEY, verifier.verify(request("POST", "", "host;x-amz-date",
                "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", Map.of(), ""), SIGNED_AT));
    }

    @Test
    void acceptsAFormEncodedBodyAsTheQueryApiSendsIt() {
        assertEquals(KEY, verifier.verify(request("POST", "", "content-type;host;x-amz-date",
                "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value1"), SIGNED_AT));
    }

    @Test
    void canonicalRequestOfTheFormEncodedVectorIsAwsOwn() {
        SignedRequest request = request("POST", "", "content-type;host;x-amz-date", "0".repeat(64),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value1");
        assertEquals("""
                POST
                /

                content-type:application/x-www-form-urlencoded
                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e""",
                SigV4Verifier.canonicalRequest(request, List.of("content-type", "host", "x-amz-date")));
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        Ec2Error refused = assertThrows(Ec2Error.class, () -> verifier.verify(request("POST", "",
                "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Param1=value2"), SIGNED_AT));
        assertEquals("AuthFailure", refused.code());
        assertEquals(401, refused.status());
    }

    @Test
    void refusesAnUnknownKeyAsEc2Does() {
        SigV4Verifier other = new SigV4Verifier(id -> Optional.empty(), "us-east-1", "service");
        Ec2Error refused = assertThrows(Ec2Error.class, () -> other.verify(request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
        assertEquals("AuthFailure", refused.code());
        assertEquals("AWS was not able to validate the provided access credentials", refused.getMessage());
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        SigV4Verifier other = new SigV4Verifier(id -> Optional.of("another-secret"), "us-east-1", "service");
        Ec2Error refused = assertThrows(Ec2Error.class, () -> other.verify(request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
        assertEquals("AuthFailure", refused.code());
    }

    @Test
    void refusesAScopeOfAnotherRegionOrService() {
        SigV4Verifier frankfurt = new SigV4Verifier(id -> Optional.of(SECRET), "eu-central-1", "service");
        Ec2Error region = assertThrows(Ec2Error.class, () -> frankfurt.verify(request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
        assertTrue(region.getMessage().contains("valid region, not 'us-east-1'"), region.getMessage());
        SigV4Verifier ec2 = new SigV4Verifier(id -> Optional.of(SECRET), "us-east-1", "ec2");
        Ec2Error service = assertThrows(Ec2Error.class, () -> ec2.verify(request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
        assertEquals("AuthFailure", service.code());
    }

    @Test
    void refusesARequestSignedMoreThanFifteenMinutesAway() {
        SignedRequest vanilla = request("GET", "", "host;x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), "");
        assertEquals(KEY, verifier.verify(vanilla, SIGNED_AT.plus(Duration.ofMinutes(15))));
        Ec2Error late = assertThrows(Ec2Error.class, () -> verifier.verify(vanilla,
                SIGNED_AT.plus(Duration.ofMinutes(15)).plusSeconds(1)));
        assertEquals("RequestExpired", late.code());
        Ec2Error early = assertThrows(Ec2Error.class, () -> verifier.verify(vanilla,
                SIGNED_AT.minus(Duration.ofMinutes(16))));
        assertEquals("RequestExpired", early.code());
    }

    @Test
    void refusesARequestWithoutOrWithAMalformedAuthorization() {
        SignedRequest unsigned = new SignedRequest("GET", "/", "", Map.of("Host", List.of("example.amazonaws.com")),
                new byte[0]);
        assertEquals("MissingAuthenticationToken", assertThrows(Ec2Error.class,
                () -> verifier.verify(unsigned, SIGNED_AT)).code());
        SignedRequest malformed = new SignedRequest("GET", "/", "", Map.of("Host", List.of("example.amazonaws.com"),
                "Authorization", List.of("AWS AKIDEXAMPLE:c2lnbmF0dXJl")), new byte[0]);
        assertEquals("IncompleteSignature", assertThrows(Ec2Error.class,
                () -> verifier.verify(malformed, SIGNED_AT)).code());
    }

    @Test
    void refusesASignatureThatLeavesTheHostOut() {
        Ec2Error refused = assertThrows(Ec2Error.class, () -> verifier.verify(request("GET", "", "x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Map.of(), ""), SIGNED_AT));
        assertEquals("IncompleteSignature", refused.code());
    }

    @Test
    void encodesAllButUnreservedCharacters() {
        assertEquals("tag%3Apexip-cloud", SigV4Verifier.encode("tag:pexip-cloud"));
        assertEquals("a%20b~c_d.e", SigV4Verifier.encode("a b~c_d.e"));
        assertEquals("%E1%88%B4", SigV4Verifier.encode("\u1234"));
    }
}
