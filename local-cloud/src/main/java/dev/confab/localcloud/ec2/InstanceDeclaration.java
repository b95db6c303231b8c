package dev.confab.localcloud.ec2;

import dev.confab.shared.net.Ipv4Address;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An instance as an administrator declares it to the endpoint: its id (generated when null), private
 * IP address, Elastic IP (a public address it keeps across stops; without one it gets a new public
 * address from 198.51.100.0/24 at each start), instance type, tags and the state it is in now.
 * Declaring an instance never powers its machine on or off. Immutable.
 */
public record InstanceDeclaration(String instanceId, String privateIp, Optional<String> elasticIp, String instanceType,
                                  Map<String, String> tags, InstanceState state) {

    /** The instance type of a Conferencing Node in the deployment guide's sizing. */
    public static final String DEFAULT_TYPE = "c5.2xlarge";
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8}([0-9a-f]{9})?");

    public InstanceDeclaration {
        if (instanceId != null && !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("Instance id \"" + instanceId + "\" is not of EC2's form i- and 8 or"
                    + " 17 lower-case hexadecimal digits.");
        }
        address("private_ip", privateIp);
        elasticIp.ifPresent(address -> address("elastic_ip", address));
        if (instanceType == null || instanceType.isBlank()) {
            throw new IllegalArgumentException("An instance needs an instance type, such as " + DEFAULT_TYPE + ".");
        }
        if (state != InstanceState.RUNNING && state != InstanceState.STOPPED) {
            throw new IllegalArgumentException("An instance is declared running or stopped, not " + state.ec2Name()
                    + ".");
        }
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A stopped {@value #DEFAULT_TYPE} at {@code privateIp}, with a generated id and no tags. */
    public static InstanceDeclaration stopped(String privateIp) {
        return new InstanceDeclaration(null, privateIp, Optional.empty(), DEFAULT_TYPE, Map.of(), InstanceState.STOPPED);
    }

    private static void address(String field, String text) {
        if (text == null || !Ipv4Address.isValid(text)) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not an IPv4 address such as 10.0.1.5.");
        }
    }

    /** Whether a string is an instance id of EC2's form. */
    static boolean isInstanceId(String text) {
        return INSTANCE_ID.matcher(text).matches();
    }

    public InstanceDeclaration withId(String id) {
        return new InstanceDeclaration(id, privateIp, elasticIp, instanceType, tags, state);
    }

    public InstanceDeclaration withTag(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(tags);
        more.put(key, value);
        return new InstanceDeclaration(instanceId, privateIp, elasticIp, instanceType, more, state);
    }

    public InstanceDeclaration withType(String type) {
        return new InstanceDeclaration(instanceId, privateIp, elasticIp, type, tags, state);
    }

    public InstanceDeclaration withElasticIp(String address) {
        return new InstanceDeclaration(instanceId, privateIp, Optional.of(address), instanceType, tags, state);
    }

    public InstanceDeclaration inState(InstanceState now) {
        return new InstanceDeclaration(instanceId, privateIp, elasticIp, instanceType, tags, now);
    }
}
