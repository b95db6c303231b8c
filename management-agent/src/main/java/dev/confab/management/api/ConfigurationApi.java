package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.provisioning.ConfigurationFiles;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REST management API under {@code /api/admin/<api>/v1/}: list, detail, create, replace,
 * update and delete of every catalog resource, with the reference platform's paths, envelope and
 * filters, plus the self-description ({@code /api/admin/<api>/v1/} and {@code <resource>/schema/}).
 * As on the reference, a write ignores body fields the resource does not take, and names them in
 * {@link IgnoredFieldsHeader#NAME}.
 */
public final class ConfigurationApi {

    /** The APIs of catalog resources; commands have their own ({@link CommandApi}). */
    private static final List<String> APIS = List.of(ResourceNames.CONFIGURATION_API, ResourceNames.STATUS_API,
            ResourceNames.HISTORY_API);

    private final ConfigurationService service;
    private final ObjectMapper json;
    private final ConfigurationFiles files;

    /** {@code files} makes the configuration file a generic {@code POST worker_vm} is answered with. */
    public ConfigurationApi(ConfigurationService service, ObjectMapper json, ConfigurationFiles files) {
        this.service = service;
        this.json = json;
        this.files = files;
    }

    public void register(JavalinConfig config) {
        for (String api : APIS) {
            String base = "/api/admin/" + api + "/v1/";
            config.routes.get(base, ctx -> index(ctx, api));
            ApiMethods.refuseOthers(config, base, "the list of resources", "get");
            String list = base + "{resource}/";
            config.routes.get(list, ctx -> list(ctx, spec(ctx, api, "get", false)));
            config.routes.post(list, ctx -> create(ctx, spec(ctx, api, "post", false)));
            config.routes.patch(list, ctx -> bulk(ctx, spec(ctx, api, "patch", false)));
            config.routes.delete(list, ctx -> deleteMatching(ctx, spec(ctx, api, "delete", false)));
            for (HandlerType method : ApiMethods.refusable("get", "post", "patch", "delete")) {
                config.routes.addHttpHandler(method, list, ctx -> spec(ctx, api, method.name(), false));
            }
            String detail = list + "{id}/";
            config.routes.get(detail, ctx -> detail(ctx, api));
            config.routes.put(detail, ctx -> update(ctx, spec(ctx, api, "put", true), false));
            config.routes.patch(detail, ctx -> update(ctx, spec(ctx, api, "patch", true), true));
            config.routes.delete(detail, ctx -> delete(ctx, spec(ctx, api, "delete", true)));
            for (HandlerType method : ApiMethods.refusable("get", "put", "patch", "delete")) {
                config.routes.addHttpHandler(method, detail, ctx -> spec(ctx, api, method.name(), true));
            }
        }
    }

    /** The resource the request names, once it is known to accept the request's method; else 404 or 405. */
    private ResourceSpec spec(Context ctx, String api, String method, boolean detail) {
        ResourceSpec spec = service.catalog().get(api, ctx.pathParam("resource"));
        if (detail && ctx.pathParam("id").equals("schema")) {
            throw new MethodNotAllowedException(method, "the schema of " + spec.name(), List.of("get"));
        }
        Set<String> allowed = detail ? spec.shape().detailMethods : spec.shape().listMethods;
        if (!allowed.contains(method.toLowerCase(Locale.ROOT))) {
            throw new MethodNotAllowedException(method, (detail ? "an object of " : "the list of ") + spec.name(),
                    allowed);
        }
        return spec;
    }

    private void index(Context ctx, String api) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (ResourceSpec spec : service.catalog().all()) {
            if (spec.api().equals(api)) {
                body.put(spec.name(), Map.of("list_endpoint", spec.listUri(), "schema", spec.listUri() + "schema/"));
            }
        }
        ctx.json(body);
    }

    private void list(Context ctx, ResourceSpec spec) {
        ListQuery query = ListQuery.parse(spec, ctx.queryParamMap());
        Page page = service.list(spec, query);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("limit", page.limit());
        meta.put("next", page.hasNext() ? link(ctx, spec, page.offset() + page.limit(), page.limit()) : null);
        meta.put("offset", page.offset());
        meta.put("previous", page.offset() > 0 ? link(ctx, spec, Math.max(0, page.offset() - page.limit()), page.limit()) : null);
        meta.put("total_count", page.totalCount());
        ctx.json(Map.of("meta", meta, "objects", service.withWholeFields(spec, page.objects())));
    }

    private static String link(Context ctx, ResourceSpec spec, long offset, long limit) {
        StringBuilder uri = new StringBuilder(spec.listUri()).append('?');
        ctx.queryParamMap().forEach((key, values) -> {
            if (!key.equals("limit") && !key.equals("offset")) {
                values.forEach(value -> uri.append(encode(key)).append('=').append(encode(value)).append('&'));
            }
        });
        return uri.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void detail(Context ctx, String api) {
        if (ctx.pathParam("id").equals("schema")) {
            ctx.json(Schema.describe(service.catalog().get(api, ctx.pathParam("resource"))));
            return;
        }
        ResourceSpec spec = spec(ctx, api, "get", true);
        ctx.json(whole(spec, service.get(spec, id(ctx, spec))));
    }

    private void create(Context ctx, ResourceSpec spec) throws JsonProcessingException {
        Map<String, Object> input = body(ctx);
        Actor actor = ApiAuth.actor(ctx);
        if (ConfigurationFiles.requested(spec, input) && !jsonOnly(ctx)) {
            createWithFile(ctx, spec, input, actor);
            return;
        }
        Map<String, Object> created = service.create(spec, input, actor);
        ctx.header("Location", location(ctx, created));
        IgnoredFieldsHeader.set(ctx, spec, input);
        ctx.status(201).json(whole(spec, created));
    }

    /**
     * A generic (configuration-only) node with an SSH password, answered as the reference platform
     * does: 201 with the node's configuration file as an attachment. The file's token is stored in
     * the node's own transaction, so there is either a node with its token, or neither.
     */
    private void createWithFile(Context ctx, ResourceSpec spec, Map<String, Object> input, Actor actor) {
        ConfigurationService.Created<ConfigurationFiles.File> created = service.create(spec, input, actor,
                (transaction, nodeId) -> files.create(transaction, nodeId, actor));
        ConfigurationFiles.File file = created.also();
        ctx.header("Location", location(ctx, created.object()));
        IgnoredFieldsHeader.set(ctx, spec, input);
        ctx.status(201)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
                .contentType("application/xml; charset=UTF-8")
                .result(file.content());
    }

    private static String location(Context ctx, Map<String, Object> created) {
        return ctx.scheme() + "://" + ctx.host() + created.get("resource_uri");
    }

    /** A client that accepts only JSON gets the created node instead of its file, and no token is made. */
    private static boolean jsonOnly(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return !lower.contains("xml") && !lower.contains("*/*") && !lower.contains("application/octet-stream");
    }

    private void update(Context ctx, ResourceSpec spec, boolean partial) throws JsonProcessingException {
        long id = id(ctx, spec);
        Map<String, Object> input = body(ctx);
        Map<String, Object> updated = service.update(spec, id, input, partial, ApiAuth.actor(ctx));
        IgnoredFieldsHeader.set(ctx, spec, input);
        ctx.json(whole(spec, updated));
    }

    private void delete(Context ctx, ResourceSpec spec) {
        service.delete(spec, id(ctx, spec), ApiAuth.actor(ctx));
        ctx.status(204);
    }

    /**
     * A bulk PATCH of a list: objects to create or change and objects to delete, all or none, in one
     * revision. Answered 202 with the written objects, as the reference answers it.
     */
    private void bulk(Context ctx, ResourceSpec spec) throws JsonProcessingException {
        BulkBody body = BulkBody.of(spec, body(ctx));
        List<Map<String, Object>> written = service.bulk(spec, body.objects(), body.deletions(), ApiAuth.actor(ctx));
        IgnoredFieldsHeader.set(ctx, spec, body.ignored());
        ctx.status(202).json(Map.of("objects", service.withWholeFields(spec, written)));
    }

    /** A DELETE of a list: deletes every object its filters match (all without filters), all or none. */
    private void deleteMatching(Context ctx, ResourceSpec spec) {
        service.deleteMatching(spec, ListQuery.parse(spec, ctx.queryParamMap()), ApiAuth.actor(ctx));
        ctx.status(204);
    }

    /** One object as the reference shows it: see {@link ConfigurationService#withWholeFields}. */
    private Map<String, Object> whole(ResourceSpec spec, Map<String, Object> object) {
        return service.withWholeFields(spec, new java.util.ArrayList<>(List.of(object))).get(0);
    }

    private static long id(Context ctx, ResourceSpec spec) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no " + spec.title() + " " + ctx.pathParam("id")
                    + ": objects are addressed by their numeric id.");
        }
    }

    private Map<String, Object> body(Context ctx) throws JsonProcessingException {
        return JsonBody.object(ctx, json);
    }
}
