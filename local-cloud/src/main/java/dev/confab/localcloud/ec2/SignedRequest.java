package dev.confab.localcloud.ec2;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as Signature Version 4 sees it: method, path and query as they came over the wire
 * (still percent-encoded), headers by lower-case name with every value in order, and the body.
 * Immutable.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                key -> new java.util.ArrayList<>()).addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
