package dev.confab.localcloud.ec2;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The DescribeInstances filters the endpoint knows, as EC2 applies them: an instance passes when
 * every filter matches (AND) and a filter matches when any of its values does (OR); values may hold
 * EC2's wildcards {@code *} and {@code ?} ({@code \} escapes them). Pure.
 */
final class InstanceFilters {

    private static final Map<String, Function<InstanceView, List<String>>> FIELDS = Map.of(
            "instance-id", instance -> List.of(instance.instanceId()),
            "instance-state-name", instance -> List.of(instance.state().ec2Name()),
            "instance-state-code", instance -> List.of(Integer.toString(instance.state().code())),
            "instance-type", instance -> List.of(instance.instanceType()),
            "private-ip-address", instance -> List.of(instance.privateIp()),
            "ip-address", instance -> instance.publicIp().stream().toList(),
            "availability-zone", instance -> List.of(instance.availabilityZone()),
            "tag-key", instance -> List.copyOf(instance.tags().keySet()),
            "tag-value", instance -> List.copyOf(instance.tags().values()));
    private static final String TAG_PREFIX = "tag:";

    private InstanceFilters() {
    }

    /** The instances that pass every filter, in order; refuses a filter the endpoint does not know. */
    static List<InstanceView> apply(List<QueryParameters.Filter> filters, List<InstanceView> instances) {
        List<Check> checks = filters.stream().map(InstanceFilters::check).toList();
        return instances.stream().filter(instance -> checks.stream().allMatch(check -> check.matches(instance)))
                .toList();
    }

    private record Check(Function<InstanceView, List<String>> field, List<Pattern> values) {
        boolean matches(InstanceView instance) {
            return field.apply(instance).stream()
                    .anyMatch(value -> values.stream().anyMatch(pattern -> pattern.matcher(value).matches()));
        }
    }

    private static Check check(QueryParameters.Filter filter) {
        String name = filter.name();
        Function<InstanceView, List<String>> field = name.startsWith(TAG_PREFIX) && name.length() > TAG_PREFIX.length()
                ? instance -> Optional.ofNullable(instance.tags().get(name.substring(TAG_PREFIX.length())))
                .stream().toList()
                : FIELDS.get(name);
        if (field == null) {
            throw Ec2Error.invalidParameter("The filter '" + name + "' is invalid");
        }
        if (filter.values().isEmpty()) {
            throw Ec2Error.invalidParameter("The filter '" + name + "' has no value: give at least one"
                    + " Filter.N.Value.M.");
        }
        return new Check(field, filter.values().stream().map(InstanceFilters::wildcard).toList());
    }

    /** EC2's wildcard value as a pattern: {@code *} any run of characters, {@code ?} one, {@code \} escapes. */
    static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                regex.append(Pattern.quote(String.valueOf(value.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
