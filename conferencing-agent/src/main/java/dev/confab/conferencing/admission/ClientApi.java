package dev.confab.conferencing.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.shared.capacity.CallType;
import dev.confab.shared.wire.ParticipantReport;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client API's routes, in the style of Pexip's client API v2, under
 * {@code /api/client/v2/conferences/{alias}/}: {@code request_token} (JSON body with
 * {@code display_name} and an optional {@code call_type}, the PIN in the {@code pin} header),
 * {@code refresh_token}, {@code release_token} and {@code participants} (the token in the
 * {@code token} header). Every answer is {@code {"status": "success"|"failed", "result": ...}}.
 */
final class ClientApi {

    /** The base of every client API path. */
    static final String BASE = "/api/client/v2/conferences/{alias}/";
    /** Longest display name taken, in characters. */
    static final int MAX_DISPLAY_NAME = 250;
    /** Largest request body read. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final Admission admission;
    private final AdmissionCounts counts;
    private final ObjectMapper json = new ObjectMapper();

    ClientApi(Admission admission, AdmissionCounts counts) {
        this.admission = admission;
        this.counts = counts;
    }

    void register(JavalinConfig config) {
        config.routes.post(BASE + "request_token", ctx -> counts.count(() -> requestToken(ctx)));
        config.routes.post(BASE + "refresh_token", this::refreshToken);
        config.routes.post(BASE + "release_token", this::releaseToken);
        config.routes.get(BASE + "participants", this::participants);
    }

    private void requestToken(Context ctx) {
        JsonNode body = body(ctx);
        String displayName = displayName(body.get("display_name"));
        CallType callType = callType(body.get("call_type"));
        Admitted admitted = admission.requestToken(ctx.pathParam("alias"), displayName, callType, ctx.header("pin"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token", admitted.token());
        result.put("expires", Long.toString(admitted.expiresSeconds()));
        result.put("participant_uuid", admitted.participantUuid());
        result.put("role", admitted.role().name());
        result.put("display_name", admitted.displayName());
        result.put("call_type", admitted.callType());
        result.put("conference", admitted.conference());
        result.put("media_node", admitted.mediaNode());
        result.put("signalling_node", admitted.signallingNode());
        result.put("system_location", admitted.systemLocation());
        success(ctx, result);
    }

    private void refreshToken(Context ctx) {
        Admitted refreshed = admission.refreshToken(ctx.header("token"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token", refreshed.token());
        result.put("expires", Long.toString(refreshed.expiresSeconds()));
        success(ctx, result);
    }

    private void releaseToken(Context ctx) {
        admission.releaseToken(ctx.header("token"));
        success(ctx, true);
    }

    private void participants(Context ctx) {
        List<ParticipantReport> participants = admission.participants(ctx.header("token"));
        success(ctx, participants.stream().map(ClientApi::participant).toList());
    }

    private static Map<String, Object> participant(ParticipantReport report) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("uuid", report.uuid());
        participant.put("display_name", report.displayName());
        participant.put("role", report.role());
        participant.put("call_type", report.callType());
        participant.put("media_node", report.mediaNode());
        participant.put("system_location", report.systemLocation());
        return participant;
    }

    private JsonNode body(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw AdmissionException.badField("body", "larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw AdmissionException.badField("body", "missing: send a JSON object with display_name");
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw AdmissionException.badField("body", "malformed JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw AdmissionException.badField("body", "unreadable (" + e.getMessage() + ")");
        }
        if (body == null || !body.isObject()) {
            throw AdmissionException.badField("body", "not a JSON object: send {\"display_name\": \"...\"}");
        }
        return body;
    }

    private static String displayName(JsonNode value) {
        if (value == null || value.isNull()) {
            throw AdmissionException.badField("display_name", "required: the name others see");
        }
        if (!value.isTextual()) {
            throw AdmissionException.badField("display_name", "must be a string");
        }
        String name = value.asText().strip();
        if (name.isEmpty()) {
            throw AdmissionException.badField("display_name", "must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME) {
            throw AdmissionException.badField("display_name", "at most " + MAX_DISPLAY_NAME + " characters");
        }
        if (name.codePoints().anyMatch(ClientApi::unprintable)) {
            throw AdmissionException.badField("display_name", "must not contain control or bidirectional"
                    + " formatting characters");
        }
        return name;
    }

    private static boolean unprintable(int codePoint) {
        if (codePoint == 0x200C || codePoint == 0x200D) {
            return false; // zero-width (non-)joiners build emoji and scripts' ligatures
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE;
    }

    private static CallType callType(JsonNode value) {
        if (value == null || value.isNull()) {
            return CallType.HD;
        }
        if (!value.isTextual()) {
            throw AdmissionException.badField("call_type", "must be a string: one of " + CallType.wireNames());
        }
        return CallType.ofWireName(value.asText()).orElseThrow(() -> AdmissionException.badField("call_type",
                "unknown call type " + value.asText() + "; use one of " + CallType.wireNames()));
    }

    /** Set on a request answered here, so that the error pages leave its answer alone. */
    static final String ANSWERED = "confab.answered";

    static void success(Context ctx, Object result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("result", result);
        ctx.status(200).json(answer);
    }

    static void failed(Context ctx, int status, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "failed");
        answer.put("result", message);
        ctx.attribute(ANSWERED, true);
        ctx.status(status).json(answer);
    }
}
