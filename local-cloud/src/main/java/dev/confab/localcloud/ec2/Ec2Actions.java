package dev.confab.localcloud.ec2;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The actions the endpoint serves, on its {@link Instances}: DescribeInstances (instance ids,
 * filters, paging), StartInstances, StopInstances and DescribeInstanceStatus; and on its
 * {@link Ec2Network}, read-only: DescribeSecurityGroups, DescribeSubnets and DescribeInstanceTypes (by
 * id or name, or all). Each with {@code DryRun}. Thread-safe.
 */
final class Ec2Actions {

    /** The only API version the endpoint speaks. */
    static final String VERSION = "2016-11-15";
    static final List<String> ACTIONS = List.of("DescribeInstances", "StartInstances", "StopInstances",
            "DescribeInstanceStatus", "DescribeSecurityGroups", "DescribeSubnets", "DescribeInstanceTypes");

    private final Instances instances;
    private final Ec2Network network;
    private final Clock clock;

    Ec2Actions(Instances instances, Ec2Network network, Clock clock) {
        this.instances = instances;
        this.network = network;
        this.clock = clock;
    }

    /** The action a request names, checked before its signature's key is asked about it. */
    static String action(QueryParameters parameters) {
        String action = parameters.required("Action");
        if (!ACTIONS.contains(action)) {
            throw new Ec2Error("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
        }
        String version = parameters.required("Version");
        if (!version.equals(VERSION)) {
            throw new Ec2Error("NoSuchVersion", 400, "An invalid or unsupported API version " + version
                    + " was given: this endpoint speaks " + VERSION + ".");
        }
        return action;
    }

    /** Runs {@code action} and returns its XML answer. */
    String run(String action, QueryParameters parameters, String requestId) {
        if (parameters.flag("DryRun")) {
            throw new Ec2Error("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
        return switch (action) {
            case "DescribeInstances" -> describeInstances(parameters, requestId);
            case "StartInstances" -> Ec2Xml.transitions(action, requestId,
                    instances.start(instanceIds(parameters), clock.instant()));
            case "StopInstances" -> Ec2Xml.transitions(action, requestId,
                    instances.stop(instanceIds(parameters), clock.instant()));
            case "DescribeInstanceStatus" -> describeInstanceStatus(parameters, requestId);
            case "DescribeSecurityGroups" -> Ec2Xml.describeSecurityGroups(requestId,
                    network.groups(parameters.numbered("GroupId")));
            case "DescribeSubnets" -> Ec2Xml.describeSubnets(requestId, network.subnets(parameters.numbered("SubnetId")));
            case "DescribeInstanceTypes" -> Ec2Xml.describeInstanceTypes(requestId,
                    network.types(parameters.numbered("InstanceType")));
            default -> throw new IllegalStateException("no handler for " + action);
        };
    }

    private static List<String> instanceIds(QueryParameters parameters) {
        List<String> ids = parameters.numbered("InstanceId");
        if (ids.isEmpty()) {
            throw Ec2Error.missingParameter("InstanceId");
        }
        return ids;
    }

    private String describeInstances(QueryParameters parameters, String requestId) {
        List<String> ids = parameters.numbered("InstanceId");
        Optional<String> maxResults = parameters.one("MaxResults");
        if (!ids.isEmpty() && maxResults.isPresent()) {
            throw new Ec2Error("InvalidParameterCombination", 400,
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<InstanceView> chosen = ids.isEmpty() ? instances.all(clock.instant()) : instances.find(ids, clock.instant());
        List<InstanceView> matching = InstanceFilters.apply(parameters.filters(), chosen);
        int offset = parameters.one("NextToken").map(Ec2Actions::offset).orElse(0);
        int limit = maxResults.map(Ec2Actions::pageSize).orElse(Integer.MAX_VALUE);
        int end = (int) Math.min((long) offset + limit, matching.size());
        List<InstanceView> page = offset >= matching.size() ? List.of() : matching.subList(offset, end);
        Optional<String> next = end < matching.size() ? Optional.of(token(end)) : Optional.empty();
        return Ec2Xml.describeInstances(requestId, page, next, network::placement);
    }

    private String describeInstanceStatus(QueryParameters parameters, String requestId) {
        List<String> ids = parameters.numbered("InstanceId");
        List<InstanceView> chosen = ids.isEmpty() ? instances.all(clock.instant()) : instances.find(ids, clock.instant());
        boolean all = parameters.flag("IncludeAllInstances");
        List<InstanceView> shown = InstanceFilters.apply(parameters.filters(), chosen).stream()
                .filter(instance -> all || instance.state() == InstanceState.RUNNING).toList();
        return Ec2Xml.describeInstanceStatus(requestId, shown);
    }

    private static int pageSize(String text) {
        try {
            int size = Integer.parseInt(text);
            if (size >= 5 && size <= 1000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Ec2Error.invalidParameter("Value (" + text + ") for parameter maxResults is invalid."
                + " Expecting a value between 5 and 1000.");
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("offset:")) {
                int offset = Integer.parseInt(text.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw Ec2Error.invalidParameter("Invalid NextToken: give back the nextToken of the previous page.");
    }
}
