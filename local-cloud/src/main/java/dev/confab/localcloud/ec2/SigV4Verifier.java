package dev.confab.localcloud.ec2;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 …}) of a request against
 * the secrets of known access keys, as AWS does: the credential scope (date, region, service), the
 * time within 15 minutes, the canonical request rebuilt from what arrived, and the HMAC chain. Pure
 * and thread-safe.
 */
public final class SigV4Verifier {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** How far the request's time may be from the endpoint's clock, either way. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final Function<String, Optional<String>> secrets;
    private final String region;
    private final String service;

    /** {@code secrets}: the secret of an access key id, empty for an unknown key. */
    public SigV4Verifier(Function<String, Optional<String>> secrets, String region, String service) {
        this.secrets = secrets;
        this.region = region;
        this.service = service;
    }

    /**
     * Returns the access key id that signed {@code request}.
     *
     * @throws Ec2Error MissingAuthenticationToken, IncompleteSignature, AuthFailure or RequestExpired
     */
    public String verify(SignedRequest request, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw new Ec2Error("MissingAuthenticationToken", 401, "Request is missing Authentication Token");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization.strip());
        if (!parts.matches()) {
            throw new Ec2Error("IncompleteSignature", 400, "The request signature does not conform to AWS standards:"
                    + " expected " + ALGORITHM + " Credential=…, SignedHeaders=…, Signature=….");
        }
        String[] credential = parts.group(1).split("/", -1);
        if (credential.length != 5 || !credential[4].equals("aws4_request")) {
            throw new Ec2Error("IncompleteSignature", 400, "The credential " + parts.group(1)
                    + " is not of the form KEY/DATE/REGION/SERVICE/aws4_request.");
        }
        String amzDate = amzDate(request);
        Instant signedAt = parseDate(amzDate);
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Ec2Error("RequestExpired", 400, "Request has expired: it was signed at " + amzDate
                    + ", more than 15 minutes from the server's time " + AMZ_DATE.format(now) + ".");
        }
        String secret = secrets.apply(credential[0]).orElseThrow(() -> Ec2Error.authFailure(
                "AWS was not able to validate the provided access credentials"));
        if (!credential[1].equals(amzDate.substring(0, 8))) {
            throw Ec2Error.authFailure("Credential should be scoped to the date of the request, " + amzDate.substring(0, 8)
                    + ", not '" + credential[1] + "'.");
        }
        if (!credential[2].equals(region)) {
            throw Ec2Error.authFailure("Credential should be scoped to a valid region, not '" + credential[2] + "'.");
        }
        if (!credential[3].equals(service)) {
            throw Ec2Error.authFailure("Credential should be scoped to correct service: '" + service + "'.");
        }
        List<String> signedHeaders = List.of(parts.group(2).split(";"));
        if (!signedHeaders.contains("host")) {
            throw new Ec2Error("IncompleteSignature", 400, "The signed headers must include host.");
        }
        String scope = credential[1] + "/" + credential[2] + "/" + credential[3] + "/aws4_request";
        String expected = signature(secret, scope, amzDate, canonicalRequest(request, signedHeaders));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw Ec2Error.authFailure("AWS was not able to validate the provided access credentials");
        }
        return credential[0];
    }

    private static String amzDate(SignedRequest request) {
        String date = request.header("x-amz-date");
        if (date == null) {
            throw new Ec2Error("IncompleteSignature", 400, "The request must carry the X-Amz-Date header.");
        }
        return date.strip();
    }

    private static Instant parseDate(String amzDate) {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new Ec2Error("IncompleteSignature", 400, "X-Amz-Date " + amzDate + " is not of the form"
                    + " YYYYMMDD'T'HHMMSS'Z'.");
        }
    }

    /** The canonical request of Signature Version 4, from what arrived. */
    static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new Ec2Error("IncompleteSignature", 400, "The signed header " + name + " is not in the request.");
            }
            List<String> trimmed = values.stream().map(value -> value.strip().replaceAll(" +", " ")).toList();
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash(request));
        return canonical.toString();
    }

    private static String payloadHash(SignedRequest request) {
        String actual = hex(sha256(request.body()));
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && !declared.equals(actual)) {
            throw Ec2Error.authFailure("The x-amz-content-sha256 header does not match the body.");
        }
        return actual;
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(decode(segment)));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(encode(decode(name)), encode(decode(value))));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        List<String> joined = pairs.stream().map(pair -> pair.getKey() + "=" + pair.getValue()).toList();
        return String.join("&", joined);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, as Signature Version 4 does. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String signature(String secret, String scope, String amzDate, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String[] parts = scope.split("/");
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), parts[0]);
        key = hmac(key, parts[1]);
        key = hmac(key, parts[2]);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
