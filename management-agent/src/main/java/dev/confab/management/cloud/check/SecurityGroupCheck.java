package dev.confab.management.cloud.check;

import dev.confab.management.cloud.check.Ec2Deployment.Permission;
import dev.confab.management.cloud.guide.InboundRule;
import dev.confab.management.cloud.guide.IpProtocol;
import dev.confab.management.cloud.guide.RuleSource;
import dev.confab.management.cloud.guide.SecurityGroupRules;
import dev.confab.shared.net.Ipv4Address;
import dev.confab.shared.net.Ipv4Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inbound rules of the platform's security groups against {@link SecurityGroupRules}: each rule
 * missing for a set of instances, and each permission open wider than the guide (0.0.0.0/0 where it
 * asks for the management subnet or the group itself, or ports it does not list). Pure.
 */
final class SecurityGroupCheck {

    private static final Set<String> EVERYWHERE = Set.of("0.0.0.0/0", "::/0");

    private final Ec2Deployment ec2;
    private final Set<String> platformGroups;
    private final Optional<Ipv4Network> managementSubnet;

    private SecurityGroupCheck(Ec2Deployment ec2, Set<String> platformGroups, Optional<Ipv4Network> managementSubnet) {
        this.ec2 = ec2;
        this.platformGroups = platformGroups;
        this.managementSubnet = managementSubnet;
    }

    /** The findings for the security groups of {@code instances}, the platform's own. */
    static List<Finding> check(Ec2Deployment ec2, List<Ec2Deployment.Instance> instances,
                               Optional<Ipv4Network> managementSubnet) {
        Set<String> groups = new LinkedHashSet<>();
        Map<List<String>, List<String>> instancesByGroups = new LinkedHashMap<>();
        for (Ec2Deployment.Instance instance : instances) {
            groups.addAll(instance.securityGroupIds());
            List<String> key = instance.securityGroupIds().stream().sorted().toList();
            instancesByGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(instance.id());
        }
        SecurityGroupCheck check = new SecurityGroupCheck(ec2, groups, managementSubnet);
        List<Finding> findings = new ArrayList<>();
        instancesByGroups.forEach((groupIds, instanceIds) -> findings.addAll(check.missing(groupIds, instanceIds)));
        for (String id : groups) {
            ec2.group(id).ifPresent(group -> group.inbound().forEach(permission ->
                    findings.addAll(check.wider(group.id(), permission))));
        }
        return findings;
    }

    private List<Finding> missing(List<String> groupIds, List<String> instanceIds) {
        List<Permission> permissions = new ArrayList<>();
        groupIds.forEach(id -> ec2.group(id).ifPresent(group -> permissions.addAll(group.inbound())));
        String resource = (groupIds.isEmpty() ? "no security group" : String.join(", ", groupIds))
                + " (" + String.join(", ", instanceIds) + ")";
        List<Finding> findings = new ArrayList<>();
        for (InboundRule rule : SecurityGroupRules.all()) {
            if (!rule.optional() && !covered(rule, permissions)) {
                String problem = "No inbound rule lets " + rule.describe() + " in: " + rule.purpose() + ".";
                String fix = "Add the inbound rule " + rule.describe() + (rule.source() == RuleSource.GROUP
                        ? " (source: the security group's own id)" : "") + "; confab aws-template writes it.";
                findings.add(new Finding(missingSeverity(rule), resource, problem, fix));
            }
        }
        return findings;
    }

    /** SSH, ICMP and IPsec after NAT are for administration and special networks; the rest must be there. */
    private static Severity missingSeverity(InboundRule rule) {
        boolean convenience = rule.protocol() == IpProtocol.ICMP || rule.covers(IpProtocol.TCP, 22)
                || rule.covers(IpProtocol.UDP, 4500);
        return convenience ? Severity.WARNING : Severity.ERROR;
    }

    private boolean covered(InboundRule rule, List<Permission> permissions) {
        List<int[]> ranges = new ArrayList<>();
        for (Permission permission : permissions) {
            if (matches(permission, rule.protocol()) && acceptedSource(rule.source(), permission)) {
                if (!rule.protocol().hasPorts() || permission.protocol().equals("-1")) {
                    return true;
                }
                ranges.add(new int[]{permission.fromPort(), permission.toPort()});
            }
        }
        ranges.sort(Comparator.comparingInt(range -> range[0]));
        int next = rule.fromPort();
        for (int[] range : ranges) {
            if (range[0] <= next && range[1] >= next) {
                next = range[1] + 1;
            }
        }
        return rule.protocol().hasPorts() && next > rule.toPort();
    }

    private boolean acceptedSource(RuleSource source, Permission permission) {
        return switch (source) {
            case ANYWHERE -> !permission.cidrs().isEmpty() || !permission.groupIds().isEmpty();
            case MANAGEMENT_SUBNET -> permission.cidrs().stream().anyMatch(cidr -> managementSubnet
                    .map(subnet -> containsNetwork(cidr, subnet)).orElse(true));
            case GROUP -> !permission.cidrs().isEmpty()
                    || permission.groupIds().stream().anyMatch(platformGroups::contains);
        };
    }

    private List<Finding> wider(String groupId, Permission permission) {
        List<Finding> findings = new ArrayList<>();
        for (String cidr : permission.cidrs()) {
            boolean anywhere = EVERYWHERE.contains(cidr);
            if (permission.protocol().equals("-1")) {
                findings.add(new Finding(anywhere ? Severity.ERROR : Severity.WARNING, groupId,
                        "All traffic is let in from " + cidr + "; the guide lets in only the ports of its table.",
                        "Remove the rule and add the guide's rules instead (confab aws-template writes them)."));
                continue;
            }
            Optional<IpProtocol> protocol = IpProtocol.ofEc2(permission.protocol());
            if (protocol.isEmpty()) {
                findings.add(Finding.warning(groupId, "IP protocol " + permission.protocol() + " is let in from " + cidr
                        + "; the guide's table has no such rule.", "Remove the rule unless something else needs it."));
                continue;
            }
            offence(groupId, permission, protocol.get(), cidr, anywhere).ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<Finding> offence(String groupId, Permission permission, IpProtocol protocol, String cidr,
                                      boolean anywhere) {
        Set<String> restricted = new TreeSet<>();
        Set<String> unlisted = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        for (int port : breakpoints(permission, protocol)) {
            RuleSource allowed = SecurityGroupRules.widestAllowed(protocol, port);
            String what = protocol + (protocol.hasPorts() ? " " + port : "");
            if (allowed == null) {
                unlisted.add(what);
            } else if (allowed == RuleSource.GROUP && !anywhere) {
                restricted.add(what + " (only from the security group itself)");
            } else if (allowed != RuleSource.ANYWHERE && anywhere) {
                restricted.add(what + " (only from " + allowed + ")");
            } else if (allowed == RuleSource.MANAGEMENT_SUBNET && managementSubnet.isPresent()
                    && !containsNetwork(managementSubnet.get().toString(), cidr)) {
                outside.add(what);
            }
        }
        String rule = protocol + (protocol.hasPorts() ? " " + range(permission) : "") + " from " + cidr;
        if (!restricted.isEmpty()) {
            return Optional.of(new Finding(anywhere ? Severity.ERROR : Severity.WARNING, groupId, "The inbound rule "
                    + rule + " is wider than the guide, which lets in " + String.join(", ", restricted) + ".",
                    "Narrow the rule's source as the guide says, or remove it (confab aws-template writes the guide's"
                            + " rules)."));
        }
        if (!outside.isEmpty()) {
            return Optional.of(Finding.warning(groupId, "The inbound rule " + rule + " lets " + String.join(", ", outside)
                    + " in from outside the management subnet " + managementSubnet.orElseThrow() + ".",
                    "Let it in only from the management subnet, or remove the rule."));
        }
        if (!unlisted.isEmpty()) {
            return Optional.of(Finding.warning(groupId, "The inbound rule " + rule + " lets in " + String.join(", ",
                    unlisted) + ", which the guide's table does not list.", "Remove it unless something else needs it."));
        }
        return Optional.empty();
    }

    /** The ports where what the rules allow may change within the permission's range: enough to test. */
    private static Set<Integer> breakpoints(Permission permission, IpProtocol protocol) {
        Set<Integer> points = new TreeSet<>();
        if (!protocol.hasPorts()) {
            points.add(protocol == IpProtocol.ICMP ? -1 : 0);
            return points;
        }
        int from = permission.fromPort();
        int to = permission.toPort();
        points.add(from);
        points.add(to);
        for (InboundRule rule : SecurityGroupRules.all()) {
            if (rule.protocol() == protocol) {
                for (int port : new int[]{rule.fromPort() - 1, rule.fromPort(), rule.toPort(), rule.toPort() + 1}) {
                    if (port >= from && port <= to) {
                        points.add(port);
                    }
                }
            }
        }
        return points;
    }

    private static String range(Permission permission) {
        return permission.fromPort() == permission.toPort() ? Integer.toString(permission.fromPort())
                : permission.fromPort() + "-" + permission.toPort();
    }

    private static boolean matches(Permission permission, IpProtocol protocol) {
        return permission.protocol().equals("-1") || IpProtocol.ofEc2(permission.protocol()).orElse(null) == protocol;
    }

    /** Whether IPv4 network {@code outer} holds all of {@code inner} (false for IPv6 and what does not parse). */
    static boolean containsNetwork(String outer, Object inner) {
        Optional<Ipv4Network> a = network(outer);
        Optional<Ipv4Network> b = network(inner.toString());
        return a.isPresent() && b.isPresent() && a.get().prefixLength() <= b.get().prefixLength()
                && a.get().contains(b.get().address());
    }

    static Optional<Ipv4Network> network(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        try {
            return Ipv4Address.tryParse(cidr.substring(0, slash)).map(address -> Ipv4Network.of(address,
                    Integer.parseInt(cidr.substring(slash + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
