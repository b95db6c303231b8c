package dev.confab.management.cloud.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.confab.management.cloud.template.PlanFixtures.BURST_1;
import static dev.confab.management.cloud.template.PlanFixtures.FILE;
import static dev.confab.management.cloud.template.PlanFixtures.LON_1;
import static dev.confab.management.cloud.template.PlanFixtures.NODES;
import static dev.confab.management.cloud.template.PlanFixtures.OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentPlanTest {

    @Test
    void givesEachNetworkOfTheNodesOneSubnet() {
        DeploymentPlan plan = PlanFixtures.plan();

        assertEquals(List.of("10.0.1.0/24", "10.0.2.0/24"), plan.subnets().stream().map(DeploymentPlan.Subnet::cidr)
                .toList());
        assertEquals(List.of("lon-1", "lon-2"), plan.subnets().get(0).nodeNames());
    }

    @Test
    void tagsOnlyTheOverflowNode() {
        DeploymentPlan plan = PlanFixtures.plan();

        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of("mgr")),
                plan.instances().stream().map(DeploymentPlan.Instance::overflowTag).toList());
        assertEquals(BURST_1, plan.instances().get(2).node());
    }

    @Test
    void putsTheConfigurationFileInUserDataAsTheNodeReadsIt() throws Exception {
        DeploymentPlan plan = PlanFixtures.plan();

        String userData = plan.instances().get(0).userData().orElseThrow();
        assertEquals(FILE, new ObjectMapper().readTree(userData).get("conferencing_node_config").asText());
        assertTrue(plan.instances().get(1).userData().isEmpty(), "no file was made for lon-2");
    }

    @Test
    void refusesC5TypesOf36VcpusAndTypesWithoutEnaNamingEachNode() {
        TemplateOptions options = new TemplateOptions("c5.2xlarge", Map.of("lon-1", "c5.9xlarge", "lon-2", "c4.2xlarge"),
                IamIdentity.USER, false, "dedicated");

        TemplateException refused = assertThrows(TemplateException.class, () -> PlanFixtures.plan(options));

        assertTrue(refused.getMessage().contains("lon-1: c5.9xlarge has 36 vCPUs"), refused.getMessage());
        assertTrue(refused.getMessage().contains("lon-2: c4.2xlarge has no ENA"), refused.getMessage());
    }

    @Test
    void refusesAnInstanceTypeForANodeThatDoesNotExist() {
        TemplateOptions options = new TemplateOptions("c5.2xlarge", Map.of("paris-1", "c5.xlarge"), IamIdentity.USER,
                false, "dedicated");

        TemplateException refused = assertThrows(TemplateException.class, () -> PlanFixtures.plan(options));

        assertTrue(refused.getMessage().contains("no Conferencing Node named paris-1"), refused.getMessage());
    }

    @Test
    void refusesACFiveTypeWhoseVcpusItCannotTell() {
        TemplateOptions options = new TemplateOptions("c5.metal", Map.of(), IamIdentity.USER, false, "dedicated");

        assertThrows(TemplateException.class, () -> PlanFixtures.plan(options));
    }

    @Test
    void refusesUserDataLargerThanEc2Takes() {
        String large = "x".repeat(DeploymentPlan.USER_DATA_LIMIT);

        TemplateException refused = assertThrows(TemplateException.class, () -> DeploymentPlan.of(NODES, OVERFLOW,
                TemplateOptions.defaults(), Map.of(LON_1.id(), large)));

        assertTrue(refused.getMessage().contains("more than EC2's 16384"), refused.getMessage());
    }

    @Test
    void makesAPlanWithoutNodesForTheSecurityGroupAndIdentityFirst() {
        DeploymentPlan plan = DeploymentPlan.of(List.of(), OVERFLOW, TemplateOptions.defaults(), Map.of());

        assertTrue(plan.instances().isEmpty());
        assertEquals(15, plan.rules().size(), "the guide's table without SIP over UDP, and Confab's two rules");
    }
}
