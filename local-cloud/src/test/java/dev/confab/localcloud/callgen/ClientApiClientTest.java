package dev.confab.localcloud.callgen;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientApiClientTest {

    @Test
    void putsTheAliasInThePathAsOneEncodedSegment() {
        assertEquals(URI.create("https://127.0.1.1:4443/api/client/v2/conferences/meet@demo/request_token"),
                ClientApiClient.uri("https://127.0.1.1:4443", "meet@demo", "request_token"));
        assertEquals(URI.create("https://127.0.1.1:4443/api/client/v2/conferences/a%20b%2Fc%3Fd%23%C3%A9/release_token"),
                ClientApiClient.uri("https://127.0.1.1:4443/", "a b/c?d#é", "release_token"));
    }

    @Test
    void describesARequestWithoutAnswerByItsCause() {
        assertEquals("ConnectException", ClientApiClient.describe(new CompletionException(new ConnectException())));
        assertEquals("ConnectException: Connection refused", ClientApiClient.describe(
                new CompletionException(new ClientApiException("x", new ConnectException("Connection refused")))));
        assertEquals("HTTP 502 that is not JSON", ClientApiClient.describe(
                new CompletionException(new ClientApiException("HTTP 502 that is not JSON"))));
    }

    @Test
    void aRefusalIsCountedByTheNodesMessageAndCapacityByItsPrefix() {
        assertEquals("capacity exceeded", refusal(503, "capacity exceeded: no room in London").refusalReason());
        assertEquals("capacity exceeded", refusal(503, "Capacity exceeded").refusalReason());
        assertEquals("Invalid PIN", refusal(403, "Invalid PIN").refusalReason());
        assertEquals("x".repeat(117) + "...", refusal(400, "x".repeat(200)).refusalReason());
    }

    @Test
    void aSuccessfulAnswerWithoutAFieldSaysWhichIsMissing() {
        ClientApiClient.Answer answer = new ClientApiClient.Answer(200, true,
                JsonNodeFactory.instance.objectNode().put("token", "abc"));

        assertEquals("abc", answer.field("token"));
        assertEquals("The answer has no \"system_location\": {\"token\":\"abc\"}",
                assertThrows(ClientApiException.class, () -> answer.field("system_location")).getMessage());
    }

    private static ClientApiClient.Answer refusal(int status, String message) {
        return new ClientApiClient.Answer(status, false, JsonNodeFactory.instance.textNode(message));
    }
}
