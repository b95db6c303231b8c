package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.bursting.ManualStartOutcome;
import dev.confab.management.bursting.scheduler.BurstingScheduler;
import dev.confab.management.bursting.scheduler.ManualStartReply;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code command/v1/platform/start_cloudnode/} with {@code {"instance_id": "i-…"}}: an administrator
 * starts one overflow node, as the bursting policy allows it. Answers
 * {@code {"status": "success", "result": {"instance_id", "node_id", "node_name", "state"}}}; 400 without
 * an instance id, 404 for an instance no overflow node has, 409 when it is not stopped or the
 * guardrail is reached, 502 when EC2 could not be asked or refused.
 */
public final class BurstingCommands {

    private BurstingCommands() {
    }

    public static CommandApi.Command startCloudNode(BurstingScheduler bursting, ObjectMapper json) {
        return new CommandApi.Command("platform", "start_cloudnode", "Starts a stopped overflow Conferencing Node's"
                + " EC2 instance now, within the guardrail's maximum; it is stopped again like any overflow node.",
                Map.of("instance_id", "The EC2 instance id of an overflow node, as status/v1/cloud_node lists them."),
                ctx -> start(ctx, bursting, json));
    }

    private static void start(Context ctx, BurstingScheduler bursting, ObjectMapper json) throws Exception {
        Object value = JsonBody.objectOrEmpty(ctx, json).get("instance_id");
        if (!(value instanceof String text) || text.isBlank()) {
            throw new ValidationException("Give the EC2 instance id of the overflow node to start.",
                    Map.of("instance_id", "This field is required: an instance id such as i-0123456789abcdef0."));
        }
        ManualStartReply reply = bursting.startByAdministrator(text.strip(), ApiAuth.actor(ctx));
        if (reply instanceof ManualStartReply.Refused refused) {
            if (refused.refusal() == ManualStartOutcome.Refusal.UNKNOWN_INSTANCE) {
                throw new NotFoundException(refused.message());
            }
            throw new ConflictException(refused.message());
        }
        if (reply instanceof ManualStartReply.Failed failed) {
            throw new HttpResponseException(502, failed.message());
        }
        ManualStartReply.Started started = (ManualStartReply.Started) reply;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instance_id", started.instanceId());
        result.put("node_id", started.nodeId());
        result.put("node_name", started.nodeName());
        result.put("state", started.state());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("result", result);
        ctx.status(200).json(answer);
    }
}
