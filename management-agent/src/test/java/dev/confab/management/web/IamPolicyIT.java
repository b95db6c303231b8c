package dev.confab.management.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.api.CloudApi;
import dev.confab.management.testing.RunningNode;
import dev.confab.management.cloud.IamPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IAM policy where operators find it: in the management API and on Platform › Global Settings. */
@Timeout(60)
class IamPolicyIT {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void theApiAnswersThePolicyDocumentForTheManagementNodesHostName() throws Exception {
        assertEquals(200, node.patch("/api/admin/configuration/v1/management_vm/1/", Map.of("hostname", "mgmt-lon"))
                .status());
        RunningNode.Response answer = node.get(CloudApi.IAM_POLICY);
        assertEquals(200, answer.status(), answer.text());
        assertTrue(answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode policy = new ObjectMapper().readTree(answer.text());
        assertEquals(IamPolicy.document("mgmt-lon"), answer.text());
        assertEquals("mgmt-lon", policy.get("Statement").get(1).get("Condition").get("StringEquals")
                .get("ec2:ResourceTag/pexip-cloud").asText());
    }

    @Test
    void theApiAsksForCredentialsAndStillServesTheCatalogsStatusResources() {
        assertEquals(401, node.send("GET", CloudApi.IAM_POLICY, null, null).status());
        assertEquals(200, node.get("/api/admin/status/v1/worker_vm/").status());
    }

    @Test
    void globalSettingsShowThePolicyToCopy() {
        WebClient web = new WebClient(node);
        String session = web.login();
        HttpResponse<String> page = web.get("/platform/global-settings/", session);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("IAM policy for the Management Node"), page.body());
        assertTrue(page.body().contains("<pre id=\"iam-policy\">"), page.body());
        assertTrue(page.body().contains("\"ec2:StartInstances\"") && page.body().contains("\"ec2:ResourceTag/pexip-cloud\""),
                page.body());
        assertTrue(page.body().contains("data-copy=\"iam-policy\""), page.body());
        HttpResponse<String> script = web.get("/static/copy.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("navigator.clipboard.writeText"), script.body());
    }
}
