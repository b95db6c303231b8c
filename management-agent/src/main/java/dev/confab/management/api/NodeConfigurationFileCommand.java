package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.provisioning.ConfigurationFiles;
import dev.confab.management.resource.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/admin/command/v1/worker_vm/configuration_file/} with {@code {"worker_vm": <id or
 * resource URI>}} (ours: the reference answers only the node's creation with its file): the node's
 * configuration file, made exactly as the Deploy page's Download makes it (a new single-use enrolment
 * token, the node's earlier unused tokens retired, a line in the administrator log), for tools that
 * hand the file to a new instance, such as {@code confab aws-template --include-node-config}.
 */
public final class NodeConfigurationFileCommand {

    public static final String PATH = "/api/admin/command/v1/worker_vm/configuration_file/";
    private static final Pattern URI = Pattern.compile("/api/admin/configuration/v1/worker_vm/(\\d+)/?");

    private final ConfigurationFiles files;
    private final ObjectMapper json;

    public NodeConfigurationFileCommand(ConfigurationFiles files, ObjectMapper json) {
        this.files = files;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.post(PATH, this::configurationFile);
    }

    private void configurationFile(Context ctx) throws Exception {
        long node = node(JsonBody.objectOrEmpty(ctx, json).get("worker_vm"));
        ConfigurationFiles.File file = files.create(node, ApiAuth.actor(ctx));
        ctx.status(200)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .contentType("application/xml; charset=UTF-8")
                .result(file.content());
    }

    private static long node(Object value) {
        if (value instanceof Number number && number.longValue() > 0) {
            return number.longValue();
        }
        if (value instanceof String text) {
            Matcher uri = URI.matcher(text);
            if (uri.matches()) {
                return Long.parseLong(uri.group(1));
            }
        }
        throw new ValidationException("Name the Conferencing Node whose configuration file to make.",
                Map.of("worker_vm", "Give the node's id or its resource_uri, such as"
                        + " /api/admin/configuration/v1/worker_vm/1/."));
    }
}
