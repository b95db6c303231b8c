package dev.confab.localcloud.ec2;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of an EC2 Query API request (form-encoded body and query string), with EC2's
 * numbered lists: {@code InstanceId.1}, {@code InstanceId.2} … and {@code Filter.1.Name},
 * {@code Filter.1.Value.1} …. Immutable.
 */
public final class QueryParameters {

    /** One {@code Filter.N}: its name and values. */
    public record Filter(String name, List<String> values) {
        public Filter {
            values = List.copyOf(values);
        }
    }

    private static final Pattern FILTER_NAME = Pattern.compile("Filter\\.(\\d+)\\.Name");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parameters from form-encoded texts (the query string and the body), later ones winning. */
    public static QueryParameters parse(String... formEncoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String text : formEncoded) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                values.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Every parameter by name, in the order received. */
    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> one(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return one(name).orElseThrow(() -> Ec2Error.missingParameter(name));
    }

    /** A boolean parameter ({@code true}/{@code false}); false when absent. */
    public boolean flag(String name) {
        String value = values.get(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw Ec2Error.invalidParameter("Invalid value '" + value + "' for " + name + ": use true or false.");
        }
        return value.equals("true");
    }

    /** The values of {@code Prefix.1}, {@code Prefix.2} …, in index order. */
    public List<String> numbered(String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d+)");
        TreeMap<Integer, String> numbered = new TreeMap<>();
        values.forEach((name, value) -> {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                numbered.put(index(name, matcher.group(1)), value);
            }
        });
        return new ArrayList<>(numbered.values());
    }

    /** The {@code Filter.N} of the request, in index order. */
    public List<Filter> filters() {
        TreeMap<Integer, Filter> filters = new TreeMap<>();
        values.forEach((name, value) -> {
            Matcher matcher = FILTER_NAME.matcher(name);
            if (matcher.matches()) {
                int index = index(name, matcher.group(1));
                filters.put(index, new Filter(value, numbered("Filter." + index + ".Value")));
            }
        });
        return new ArrayList<>(filters.values());
    }

    private static int index(String name, String digits) {
        try {
            int index = Integer.parseInt(digits);
            if (index >= 1) {
                return index;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Ec2Error.invalidParameter("The parameter " + name + " is not numbered from 1.");
    }
}
