package dev.confab.conferencing.channel;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the node reads the Management Node's refusals: unknown (enrol again) only when it says so. */
class ChannelClientTest {

    private static ChannelRefusedException refusal(int status, String body) {
        return ChannelClient.refusal(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aForbiddenAnswerSayingUnknownLetsTheNodeEnrolAgain() {
        ChannelRefusedException refused = refusal(403, "{\"error\": \"no record of certificate 1f\", \"fields\": {},"
                + " \"node\": \"unknown\"}");

        assertTrue(refused.unknown());
        assertEquals("The Management Node refused this node: no record of certificate 1f", refused.getMessage());
    }

    @Test
    void aRevokedCertificateIsAFinalRefusal() {
        ChannelRefusedException refused = refusal(403, "{\"error\": \"revoked\", \"fields\": {}, \"node\": \"revoked\"}");

        assertFalse(refused.unknown());
        assertTrue(refused.getMessage().endsWith("revoked"), refused.getMessage());
    }

    @Test
    void aRefusalThatDoesNotSayWhyIsFinal() {
        // a Management Node from before the distinction, or any other 403 or 401
        assertFalse(refusal(403, "{\"error\": \"not issued to any enrolled node\", \"fields\": {}}").unknown());
        assertFalse(refusal(401, "{\"error\": \"needs a certificate\", \"fields\": {}, \"node\": \"unknown\"}")
                .unknown());
        ChannelRefusedException notJson = refusal(403, "Forbidden");
        assertFalse(notJson.unknown());
        assertTrue(notJson.getMessage().endsWith("Forbidden"), notJson.getMessage());
    }

    @Test
    void anHtmlErrorPageIsSummedUpNotQuoted() {
        String page = "<html>\n<head><title>Error 500</title></head>\n<body><h2>HTTP ERROR 500</h2>"
                + "<pre>org.eclipse.jetty.io.EofException</pre></body>\n</html>";

        String summary = ChannelClient.summary(page.getBytes(StandardCharsets.UTF_8));

        assertEquals("(an HTML error page of " + page.length() + " bytes, not the node channel's JSON)", summary);
        assertEquals("(no details)", ChannelClient.summary(new byte[0]));
        assertEquals("x".repeat(200) + "…", ChannelClient.summary("x".repeat(500).getBytes(StandardCharsets.UTF_8)));
        assertEquals("first line", ChannelClient.summary("first line\nsecond".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serverErrorsAndOtherAnswersAreNoRefusal() {
        // the loops retry these at the interval and never enrol again for them
        assertNull(refusal(500, "{\"error\": \"Internal error\", \"fields\": {}, \"node\": \"unknown\"}"));
        assertNull(refusal(503, ""));
        assertNull(refusal(404, "{\"error\": \"no such route\", \"fields\": {}}"));
    }
}
