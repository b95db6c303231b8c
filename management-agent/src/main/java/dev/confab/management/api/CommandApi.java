package dev.confab.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.auth.Credentials;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands under {@code /api/admin/command/v1/<area>/<command>/}, each a POST, and their index:
 * {@code GET /api/admin/command/v1/} lists every command by area, {@code GET …/<area>/} the commands
 * of one area, each with its endpoint, what it does and the fields it takes. A command is added
 * with {@link #add} before {@link #register}, so that the index lists exactly the commands served.
 * Built in: the API tokens that scripts use instead of the administrator's password
 * ({@code platform/create_api_token/}, {@code platform/revoke_api_token/}).
 */
public final class CommandApi {

    private static final String BASE = "/api/admin/command/v1/";

    /**
     * One command.
     *
     * @param area        the first path segment, e.g. {@code platform}
     * @param name        the second, e.g. {@code create_api_token}
     * @param description what it does, for the index
     * @param fields      the body fields it takes, with what each is
     */
    public record Command(String area, String name, String description, Map<String, String> fields,
                          Handler handler) {

        String endpoint() {
            return BASE + area + "/" + name + "/";
        }
    }

    private final Credentials credentials;
    private final ObjectMapper json;
    private final List<Command> commands = new ArrayList<>();

    public CommandApi(Credentials credentials, ObjectMapper json) {
        this.credentials = credentials;
        this.json = json;
        add(new Command("platform", "create_api_token", "Issues an API token for scripts; the answer shows it once"
                + " and only its hash is kept.", Map.of("name", "The token's name: 1 to 64 letters, digits, dots,"
                + " dashes or underscores."), this::createToken));
        add(new Command("platform", "revoke_api_token", "Revokes an API token: requests with it are refused from"
                + " then on.", Map.of("name", "The name of the token to revoke."), this::revokeToken));
    }

    /** Adds a command to serve and to list. */
    public CommandApi add(Command command) {
        commands.add(command);
        return this;
    }

    public void register(JavalinConfig config) {
        config.routes.get(BASE, ctx -> ctx.json(index()));
        ApiMethods.refuseOthers(config, BASE, "the list of commands", "get");
        Map<String, Map<String, Object>> index = index();
        index.forEach((area, description) -> {
            String path = BASE + area + "/";
            config.routes.get(path, ctx -> ctx.json(description.get("commands")));
            ApiMethods.refuseOthers(config, path, "the list of " + area + " commands", "get");
        });
        for (Command command : commands) {
            config.routes.post(command.endpoint(), command.handler());
            ApiMethods.refuseOthers(config, command.endpoint(), "a command", "post");
        }
    }

    /** Every command by area: {@code {area: {list_endpoint, commands: {name: {endpoint, …}}}}}. */
    private Map<String, Map<String, Object>> index() {
        Map<String, Map<String, Object>> areas = new LinkedHashMap<>();
        for (Command command : commands) {
            Map<String, Object> area = areas.computeIfAbsent(command.area(), name -> {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("list_endpoint", BASE + name + "/");
                described.put("commands", new LinkedHashMap<String, Object>());
                return described;
            });
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("endpoint", command.endpoint());
            described.put("allowed_methods", List.of("post"));
            described.put("description", command.description());
            described.put("fields", command.fields());
            @SuppressWarnings("unchecked")
            Map<String, Object> inArea = (Map<String, Object>) area.get("commands");
            inArea.put(command.name(), described);
        }
        return areas;
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
            throw new ConflictException("A token named " + name + " already exists: revoke it first or choose"
                    + " another name.");
        }
    }

    private void revokeToken(Context ctx) throws Exception {
        String name = name(ctx);
        if (!credentials.revokeToken(name)) {
            throw new NotFoundException("There is no API token named " + name + ".");
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
