package dev.confab.localcloud.ec2;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DescribeInstances filters: AND between filters, OR between values, EC2's wildcards. */
class InstanceFiltersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static InstanceView instance(String id, String privateIp, InstanceState state, Map<String, String> tags) {
        return new InstanceView(id, privateIp, Optional.empty(), "c5.2xlarge", tags, state, T0, Optional.empty(),
                "us-east-1a");
    }

    private final InstanceView overflow1 = instance("i-00000000000000001", "10.0.1.5", InstanceState.STOPPED,
            Map.of("pexip-cloud", "mgmt.example.com", "Name", "ovf-1"));
    private final InstanceView overflow2 = instance("i-00000000000000002", "10.0.1.6", InstanceState.RUNNING,
            Map.of("pexip-cloud", "mgmt.example.com"));
    private final InstanceView otherPlatform = instance("i-00000000000000003", "10.0.1.7", InstanceState.STOPPED,
            Map.of("pexip-cloud", "other"));
    private final InstanceView untagged = instance("i-00000000000000004", "10.0.1.8", InstanceState.RUNNING, Map.of());
    private final List<InstanceView> all = List.of(overflow1, overflow2, otherPlatform, untagged);

    private static QueryParameters.Filter filter(String name, String... values) {
        return new QueryParameters.Filter(name, List.of(values));
    }

    private List<String> ids(QueryParameters.Filter... filters) {
        return InstanceFilters.apply(List.of(filters), all).stream().map(InstanceView::instanceId).toList();
    }

    @Test
    void aTagFilterKeepsTheInstancesWithThatTagValue() {
        assertEquals(List.of(overflow1.instanceId(), overflow2.instanceId()),
                ids(filter("tag:pexip-cloud", "mgmt.example.com")));
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersMustAllMatch() {
        assertEquals(List.of(overflow1.instanceId(), overflow2.instanceId(), otherPlatform.instanceId()),
                ids(filter("tag:pexip-cloud", "mgmt.example.com", "other")));
        assertEquals(List.of(overflow2.instanceId()), ids(filter("tag:pexip-cloud", "mgmt.example.com"),
                filter("instance-state-name", "running")));
    }

    @Test
    void filtersOnIdAddressStateAndTagKey() {
        assertEquals(List.of(otherPlatform.instanceId()), ids(filter("instance-id", otherPlatform.instanceId())));
        assertEquals(List.of(untagged.instanceId()), ids(filter("private-ip-address", "10.0.1.8")));
        assertEquals(List.of(overflow1.instanceId(), otherPlatform.instanceId()),
                ids(filter("instance-state-name", "stopped")));
        assertEquals(List.of(overflow1.instanceId()), ids(filter("tag-key", "Name")));
    }

    @Test
    void wildcardsMatchAsEc2sDo() {
        assertEquals(List.of(overflow1.instanceId(), overflow2.instanceId()),
                ids(filter("tag:pexip-cloud", "*.example.com")));
        assertEquals(List.of(overflow1.instanceId(), overflow2.instanceId(), otherPlatform.instanceId()),
                ids(filter("private-ip-address", "10.0.1.?")).subList(0, 3));
        assertEquals(List.of(), ids(filter("tag:pexip-cloud", "mgmt\\*")));
    }

    @Test
    void refusesAFilterItDoesNotKnowOrOneWithoutValues() {
        Ec2Error unknown = assertThrows(Ec2Error.class, () -> ids(filter("vpc-id", "vpc-1")));
        assertEquals("InvalidParameterValue", unknown.code());
        assertEquals("The filter 'vpc-id' is invalid", unknown.getMessage());
        assertThrows(Ec2Error.class, () -> ids(filter("tag:pexip-cloud")));
    }
}
