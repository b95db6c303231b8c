package dev.confab.management.provisioning;

import dev.confab.management.testing.SettableClock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.management.testing.RunningNode;
import dev.confab.shared.pki.TlsMaterial;
import dev.confab.shared.wire.EnrolRequest;
import dev.confab.shared.wire.NodeChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bogus enrolments cannot flood the administrator log: one line per source and minute. */
@Timeout(120)
class EnrolmentRefusalsIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.now());
    private static final String REFUSALS = "/api/admin/history/v1/admin_log/?action=enrol_refused";

    @RegisterExtension
    static final RunningNode node = new RunningNode(CLOCK);

    @Test
    void sumsAHundredBogusEnrolmentsIntoOneLineWithTheFirstReason() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsMaterial.pinnedClientContext(node.agent().nodes().authority().fingerprintSha256()))
                .build();
        URI enrol = URI.create("https://127.0.0.1:" + node.agent().nodePort() + NodeChannel.ENROL);
        for (int i = 0; i < 100; i++) {
            String body = NodeChannel.json().writeValueAsString(new EnrolRequest("bogus-token-" + i, "not a CSR"));
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(enrol)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), refused.body());
        }
        assertEquals(0, total(), "nothing written while the minute lasts");

        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode line = node.awaitAdminLog("action=enrol_refused",
                "100 refused enrolments from 127.0.0.1 in the last minute; the first: The enrolment token is unknown");
        assertEquals("-", line.get("user").asText());
        assertEquals(1, total());
    }

    private int total() {
        return node.get(REFUSALS).body().get("meta").get("total_count").asInt();
    }
}
