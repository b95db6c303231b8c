package dev.confab.management.web.forms;

import dev.confab.management.adminlog.Actor;
import dev.confab.management.provisioning.ConfigurationFiles;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The step after adding a Conferencing Node, as the deployment guide has it: deployment type
 * "Generic (configuration-only)", the SSH password, and Download of {@code pexip-<hostname>.<domain>.xml}.
 * Each download makes a new single-use enrolment token and retires the earlier ones.
 */
public final class DeployPage {

    private final ConfigurationService service;
    private final ConfigurationFiles files;
    private final Templates templates;
    private final ResourceView nodes;

    public DeployPage(ConfigurationService service, ConfigurationFiles files, Templates templates, ResourceView nodes) {
        this.service = service;
        this.files = files;
        this.templates = templates;
        this.nodes = nodes;
    }

    /** Where the deploy step of node {@code id} lives. */
    static String href(ResourceView nodes, long id) {
        return nodes.objectHref(id) + "deploy";
    }

    public void show(Context ctx) {
        long id = id(ctx);
        render(ctx, id, name(id), null);
    }

    public void download(Context ctx) {
        long id = id(ctx);
        String name = name(id);
        if (!WorkerVm.GENERIC_DEPLOYMENT.equals(ctx.formParam("deployment_type"))) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, id, name, "Choose the deployment type Generic (configuration-only).");
            return;
        }
        Actor actor = WebGuard.session(ctx).actor(ctx);
        try {
            String password = ctx.formParam("password");
            if (password != null && !password.isEmpty()) {
                ResourceSpec spec = nodes.spec();
                service.update(spec, id, Map.of("password", password), true, actor);
            }
            ConfigurationFiles.File file = files.create(id, actor);
            ctx.header("Content-Disposition", "attachment; filename=" + file.name());
            ctx.contentType("application/xml; charset=utf-8");
            ctx.result(new String(file.content(), StandardCharsets.UTF_8));
        } catch (ValidationException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, id, name, e.fields().getOrDefault("password", e.getMessage()));
        }
    }

    private void render(Context ctx, long id, String name, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("nodeName", name);
        model.put("action", href(nodes, id));
        model.put("backHref", nodes.href());
        model.put("error", error);
        templates.page(ctx, "deploy.jte", "Deploy " + name, model);
    }

    private String name(long id) {
        return String.valueOf(service.get(nodes.spec(), id).get("name"));
    }

    private long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no Conferencing Node " + ctx.pathParam("id") + ".");
        }
    }
}
