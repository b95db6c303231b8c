package dev.confab.localcloud.ec2;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The endpoint's answers in EC2's XML (API version 2016-11-15, its namespace on every response
 * element; errors in EC2's {@code <Response><Errors>} form). Pure.
 */
final class Ec2Xml {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    /** The account that owns every instance of the endpoint. */
    static final String OWNER_ID = "123456789012";

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    private Ec2Xml() {
    }

    static String describeInstances(String requestId, List<InstanceView> instances, Optional<String> nextToken,
                                    Function<String, Ec2Network.Placement> placements) {
        Ec2Xml xml = response("DescribeInstancesResponse", requestId).open("reservationSet");
        for (InstanceView instance : instances) {
            xml.open("item").leaf("reservationId", "r-" + instance.instanceId().substring(2))
                    .leaf("ownerId", OWNER_ID).empty("groupSet").open("instancesSet");
            xml.instance(instance, placements.apply(instance.instanceId()));
            xml.close().close();
        }
        xml.close();
        nextToken.ifPresent(token -> xml.leaf("nextToken", token));
        return xml.done();
    }

    private void instance(InstanceView instance, Ec2Network.Placement placement) {
        open("item").leaf("instanceId", instance.instanceId()).leaf("imageId", "ami-0c0f5ee0c0f5ee0c0");
        state("instanceState", instance.state());
        leaf("privateDnsName", "ip-" + instance.privateIp().replace('.', '-') + ".ec2.internal");
        leaf("dnsName", instance.publicIp().map(ip -> "ec2-" + ip.replace('.', '-') + ".compute-1.amazonaws.com")
                .orElse(""));
        leaf("reason", instance.stateReason().map(reason -> reason.substring(reason.indexOf(": ") + 2)).orElse(""));
        leaf("amiLaunchIndex", "0").empty("productCodes").leaf("instanceType", instance.instanceType());
        leaf("launchTime", time(instance.launchTime()));
        open("placement").leaf("availabilityZone", instance.availabilityZone()).empty("groupName")
                .leaf("tenancy", placement.tenancy()).close();
        open("monitoring").leaf("state", "disabled").close();
        if (!placement.subnetId().isEmpty()) {
            leaf("subnetId", placement.subnetId());
        }
        leaf("privateIpAddress", instance.privateIp());
        instance.publicIp().ifPresent(ip -> leaf("ipAddress", ip));
        open("groupSet");
        placement.groupIds().forEach(id -> open("item").leaf("groupId", id).close());
        close();
        leaf("architecture", "x86_64").leaf("rootDeviceType", "ebs").leaf("rootDeviceName", "/dev/xvda");
        instance.stateReason().ifPresent(reason -> open("stateReason")
                .leaf("code", reason.substring(0, reason.indexOf(": ")))
                .leaf("message", reason.substring(reason.indexOf(": ") + 2)).close());
        tags(instance.tags());
        leaf("enaSupport", Boolean.toString(placement.enaSupport()));
        close();
    }

    static String describeSecurityGroups(String requestId, List<Ec2Network.SecurityGroup> groups) {
        Ec2Xml xml = response("DescribeSecurityGroupsResponse", requestId).open("securityGroupInfo");
        for (Ec2Network.SecurityGroup group : groups) {
            xml.open("item").leaf("ownerId", OWNER_ID).leaf("groupId", group.id()).leaf("groupName", group.name())
                    .leaf("groupDescription", group.name()).leaf("vpcId", group.vpcId()).open("ipPermissions");
            for (Ec2Network.Permission permission : group.inbound()) {
                xml.open("item").leaf("ipProtocol", permission.protocol());
                if (!permission.protocol().equals("-1")) {
                    xml.leaf("fromPort", Integer.toString(permission.fromPort()))
                            .leaf("toPort", Integer.toString(permission.toPort()));
                }
                xml.open("groups");
                permission.groupIds().forEach(id -> xml.open("item").leaf("userId", OWNER_ID).leaf("groupId", id)
                        .close());
                xml.close().open("ipRanges");
                permission.cidrs().stream().filter(cidr -> !cidr.contains(":"))
                        .forEach(cidr -> xml.open("item").leaf("cidrIp", cidr).close());
                xml.close().open("ipv6Ranges");
                permission.cidrs().stream().filter(cidr -> cidr.contains(":"))
                        .forEach(cidr -> xml.open("item").leaf("cidrIpv6", cidr).close());
                xml.close().empty("prefixListIds").close();
            }
            xml.close().open("ipPermissionsEgress").open("item").leaf("ipProtocol", "-1").empty("groups")
                    .open("ipRanges").open("item").leaf("cidrIp", "0.0.0.0/0").close().close().close().close();
            xml.close();
        }
        return xml.close().done();
    }

    static String describeSubnets(String requestId, List<Ec2Network.Subnet> subnets) {
        Ec2Xml xml = response("DescribeSubnetsResponse", requestId).open("subnetSet");
        for (Ec2Network.Subnet subnet : subnets) {
            xml.open("item").leaf("subnetId", subnet.id()).leaf("state", "available").leaf("vpcId", subnet.vpcId())
                    .leaf("cidrBlock", subnet.cidr()).close();
        }
        return xml.close().done();
    }

    static String describeInstanceTypes(String requestId, List<Ec2Network.InstanceType> types) {
        Ec2Xml xml = response("DescribeInstanceTypesResponse", requestId).open("instanceTypeSet");
        for (Ec2Network.InstanceType type : types) {
            xml.open("item").leaf("instanceType", type.name()).open("vCpuInfo")
                    .leaf("defaultVCpus", Integer.toString(type.vcpus())).close().open("networkInfo")
                    .leaf("enaSupport", type.enaSupport()).close().close();
        }
        return xml.close().done();
    }

    private void tags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        open("tagSet");
        tags.forEach((key, value) -> open("item").leaf("key", key).leaf("value", value).close());
        close();
    }

    /** StartInstancesResponse or StopInstancesResponse. */
    static String transitions(String action, String requestId, List<Instances.Transition> transitions) {
        Ec2Xml xml = response(action + "Response", requestId).open("instancesSet");
        for (Instances.Transition transition : transitions) {
            xml.open("item").leaf("instanceId", transition.instanceId());
            xml.state("currentState", transition.current());
            xml.state("previousState", transition.previous());
            xml.close();
        }
        return xml.close().done();
    }

    static String describeInstanceStatus(String requestId, List<InstanceView> instances) {
        Ec2Xml xml = response("DescribeInstanceStatusResponse", requestId).open("instanceStatusSet");
        for (InstanceView instance : instances) {
            String status = instance.state() == InstanceState.RUNNING ? "ok" : "not-applicable";
            xml.open("item").leaf("instanceId", instance.instanceId())
                    .leaf("availabilityZone", instance.availabilityZone());
            xml.state("instanceState", instance.state());
            for (String check : List.of("systemStatus", "instanceStatus")) {
                xml.open(check).leaf("status", status).open("details").open("item").leaf("name", "reachability")
                        .leaf("status", status.equals("ok") ? "passed" : status).close().close().close();
            }
            xml.close();
        }
        return xml.close().done();
    }

    /** An error as EC2 sends it (no namespace). */
    static String error(String requestId, Ec2Error error) {
        Ec2Xml xml = new Ec2Xml();
        xml.open("Response").open("Errors").open("Error").leaf("Code", error.code()).leaf("Message", error.getMessage())
                .close().close().leaf("RequestID", requestId).close();
        return xml.done();
    }

    private static Ec2Xml response(String name, String requestId) {
        Ec2Xml xml = new Ec2Xml();
        xml.xml.append('<').append(name).append(" xmlns=\"").append(NAMESPACE).append("\">");
        xml.open.push(name);
        return xml.leaf("requestId", requestId);
    }

    private void state(String element, InstanceState state) {
        open(element).leaf("code", Integer.toString(state.code())).leaf("name", state.ec2Name()).close();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString().replaceFirst("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
    }

    private Ec2Xml open(String name) {
        xml.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    private Ec2Xml close() {
        xml.append("</").append(open.pop()).append('>');
        return this;
    }

    private Ec2Xml empty(String name) {
        xml.append('<').append(name).append("/>");
        return this;
    }

    private Ec2Xml leaf(String name, String value) {
        xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
        return this;
    }

    private String done() {
        while (!open.isEmpty()) {
            close();
        }
        return xml.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
