package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.auth.Credentials;
import dev.confab.management.resource.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Commands under {@code /api/admin/command/v1/}: for now the API tokens that scripts use instead of
 * the administrator's password ({@code platform/create_api_token/}, {@code platform/revoke_api_token/}).
 */
public final class CommandApi {

    private final Credentials credentials;
    private final ObjectMapper json;

    public CommandApi(Credentials credentials, ObjectMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.post("/api/admin/command/v1/platform/create_api_token/", this::createToken);
        config.routes.post("/api/admin/command/v1/platform/revoke_api_token/", this::revokeToken);
        ApiMethods.refuseOthers(config, "/api/admin/command/v1/platform/create_api_token/", "a command", "post");
        ApiMethods.refuseOthers(config, "/api/admin/command/v1/platform/revoke_api_token/", "a command", "post");
    }

    private void createToken(Context ctx) throws Exception {
        String name = name(ctx);
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ValidationException("The token was not created.", Map.of("name",
                    "Use 1 to 64 letters, digits, dots, dashes or underscores."));
        }
        try {
            String token = credentials.issueToken(name);
            ctx.status(201).json(Map.of("name", name, "token", token));
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            throw new dev.confab.management.resource.ConflictException("A token named " + name
                    + " already exists: revoke it first or choose another name.");
        }
    }

    private void revokeToken(Context ctx) throws Exception {
        String name = name(ctx);
        if (!credentials.revokeToken(name)) {
            throw new dev.confab.management.resource.NotFoundException("There is no API token named " + name + ".");
        }
        ctx.status(200).json(Map.of("name", name, "revoked", true));
    }

    private String name(Context ctx) throws Exception {
        Object name = JsonBody.objectOrEmpty(ctx, json).get("name");
        if (!(name instanceof String text)) {
            throw new ValidationException("Give the token's name.", Map.of("name", "This field is required."));
        }
        return text;
    }
}
