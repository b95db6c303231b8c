package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.calls.Calls;
import dev.confab.management.calls.CallsException;
import dev.confab.management.resource.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Commands on calls under {@code /api/admin/command/v1/}: {@code participant/disconnect/} with
 * {@code {"participant_id": ...}} and {@code conference/disconnect/} with {@code {"conference_id": ...}},
 * answered {@code {"status": "success", "result": {"disconnected": [participant ids]}}}; 404 when
 * nothing in progress is named so, 502 when the node that signals a call does not answer.
 */
public final class CallCommandApi {

    public static final String PARTICIPANT_DISCONNECT = "/api/admin/command/v1/participant/disconnect/";
    public static final String CONFERENCE_DISCONNECT = "/api/admin/command/v1/conference/disconnect/";

    private final Calls calls;
    private final ObjectMapper json;

    public CallCommandApi(Calls calls, ObjectMapper json) {
        this.calls = calls;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.post(PARTICIPANT_DISCONNECT, ctx -> {
            String id = id(ctx, "participant_id", "the participant's id (status/v1/participant uuid or id)");
            answer(ctx, () -> calls.disconnectParticipant(id, ApiAuth.actor(ctx)));
        });
        config.routes.post(CONFERENCE_DISCONNECT, ctx -> {
            String id = id(ctx, "conference_id", "the conference's name or status/v1/conference id");
            answer(ctx, () -> calls.disconnectConference(id, ApiAuth.actor(ctx)));
        });
    }

    private static void answer(Context ctx, Supplier<List<String>> command) {
        List<String> disconnected;
        try {
            disconnected = command.get();
        } catch (CallsException e) {
            throw new HttpResponseException(502, e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("result", Map.of("disconnected", disconnected));
        ctx.status(200).json(answer);
    }

    private String id(Context ctx, String field, String what) throws Exception {
        Object value = JsonBody.objectOrEmpty(ctx, json).get(field);
        if (value instanceof Number number && number.longValue() >= 0) {
            return Long.toString(number.longValue());
        }
        if (value instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        throw new ValidationException("Give " + what + ".", Map.of(field, "This field is required."));
    }
}
