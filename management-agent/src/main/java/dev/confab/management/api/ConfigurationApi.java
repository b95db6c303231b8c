package dev.confab.management.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.management.resource.ListQuery;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.resource.engine.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST management API under {@code /api/admin/<api>/v1/}: list, detail, create, replace,
 * update and delete of every catalog resource, with the reference platform's paths, envelope and
 * filters, plus the self-description ({@code /api/admin/<api>/v1/} and {@code <resource>/schema/}).
 */
public final class ConfigurationApi {

    private static final String BASE = "/api/admin/{api}/v1/";

    private final ConfigurationService service;
    private final ObjectMapper json;
    private final List<ResponseHook> createHooks;

    /** Lets another component answer a create differently (e.g. with a node's configuration file). */
    public interface ResponseHook {
        /** Returns true when it has answered the request. */
        boolean answer(ResourceSpec spec, Map<String, Object> input, Map<String, Object> created, Context ctx);
    }

    public ConfigurationApi(ConfigurationService service, ObjectMapper json, List<ResponseHook> createHooks) {
        this.service = service;
        this.json = json;
        this.createHooks = List.copyOf(createHooks);
    }

    public void register(JavalinConfig config) {
        config.routes.get(BASE, this::index);
        config.routes.get(BASE + "{resource}/", this::list);
        config.routes.post(BASE + "{resource}/", this::create);
        config.routes.get(BASE + "{resource}/{id}/", this::detail);
        config.routes.put(BASE + "{resource}/{id}/", ctx -> update(ctx, false));
        config.routes.patch(BASE + "{resource}/{id}/", ctx -> update(ctx, true));
        config.routes.delete(BASE + "{resource}/{id}/", this::delete);
    }

    private ResourceSpec spec(Context ctx, String method, boolean detail) {
        ResourceSpec spec = service.catalog().get(ctx.pathParam("api"), ctx.pathParam("resource"));
        if (!(detail ? spec.shape().detailMethods : spec.shape().listMethods).contains(method)) {
            throw new MethodNotAllowedException(method.toUpperCase(java.util.Locale.ROOT) + " is not allowed on "
                    + (detail ? "an object of " : "the list of ") + spec.name() + ".");
        }
        return spec;
    }

    private void index(Context ctx) {
        String api = ctx.pathParam("api");
        Map<String, Object> body = new LinkedHashMap<>();
        for (ResourceSpec spec : service.catalog().all()) {
            if (spec.api().equals(api)) {
                body.put(spec.name(), Map.of("list_endpoint", spec.listUri(), "schema", spec.listUri() + "schema/"));
            }
        }
        if (body.isEmpty()) {
            throw new NotFoundException("There is no " + api + " API: use configuration, status or history.");
        }
        ctx.json(body);
    }

    private void list(Context ctx) {
        ResourceSpec spec = spec(ctx, "get", false);
        ListQuery query = ListQuery.parse(spec, ctx.queryParamMap());
        Page page = service.list(spec, query);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("limit", page.limit());
        meta.put("next", page.offset() + page.limit() < page.totalCount() ? link(ctx, spec, page.offset() + page.limit(), page.limit()) : null);
        meta.put("offset", page.offset());
        meta.put("previous", page.offset() > 0 ? link(ctx, spec, Math.max(0, page.offset() - page.limit()), page.limit()) : null);
        meta.put("total_count", page.totalCount());
        ctx.json(Map.of("meta", meta, "objects", page.objects()));
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

    private void detail(Context ctx) {
        if (ctx.pathParam("id").equals("schema")) {
            ResourceSpec spec = service.catalog().get(ctx.pathParam("api"), ctx.pathParam("resource"));
            ctx.json(Schema.describe(spec));
            return;
        }
        ResourceSpec spec = spec(ctx, "get", true);
        ctx.json(service.get(spec, id(ctx, spec)));
    }

    private void create(Context ctx) throws JsonProcessingException {
        ResourceSpec spec = spec(ctx, "post", false);
        Map<String, Object> input = body(ctx);
        Map<String, Object> created = service.create(spec, input, ApiAuth.actor(ctx));
        ctx.header("Location", ctx.scheme() + "://" + ctx.host() + created.get("resource_uri"));
        for (ResponseHook hook : createHooks) {
            if (hook.answer(spec, input, created, ctx)) {
                return;
            }
        }
        ctx.status(201).json(created);
    }

    private void update(Context ctx, boolean partial) throws JsonProcessingException {
        ResourceSpec spec = spec(ctx, partial ? "patch" : "put", true);
        ctx.json(service.update(spec, id(ctx, spec), body(ctx), partial, ApiAuth.actor(ctx)));
    }

    private void delete(Context ctx) {
        ResourceSpec spec = spec(ctx, "delete", true);
        service.delete(spec, id(ctx, spec), ApiAuth.actor(ctx));
        ctx.status(204);
    }

    private static long id(Context ctx, ResourceSpec spec) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no " + spec.title() + " " + ctx.pathParam("id")
                    + ": objects are addressed by their numeric id.");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Context ctx) throws JsonProcessingException {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ValidationException("The request has no body: send a JSON object.");
        }
        JsonNode node = json.readTree(text);
        if (!node.isObject()) {
            throw new ValidationException("The request body must be a JSON object.");
        }
        return json.convertValue(node, Map.class);
    }
}
