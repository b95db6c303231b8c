package dev.confab.management.web.forms;

import dev.confab.management.cloud.DeploymentChecks;
import dev.confab.management.cloud.check.Severity;
import dev.confab.management.resource.ConflictException;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.ValidationException;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.views.FieldView;
import dev.confab.management.web.views.Labels;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.PlatformViews;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Add, edit and delete forms over one resource. Every write goes through
 * {@link ConfigurationService}, so a form refuses exactly what the API refuses; a refused form
 * comes back with the entered values and each message beside its field.
 */
public final class FormPage {

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;
    private final DeploymentChecks checks;

    /** {@code checks}: the AWS deployment check that Global Settings shows and runs. */
    public FormPage(ConfigurationService service, Templates templates, Lookups lookups, DeploymentChecks checks) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
        this.checks = checks;
    }

    /** "Check now" on Global Settings: runs the AWS deployment check, then shows the page with its result. */
    public void checkDeployment(Context ctx) {
        DeploymentChecks.Result result = checks.run(Optional.empty());
        long errors = result.findings().stream().filter(finding -> finding.severity() == Severity.ERROR).count();
        done(ctx, PlatformViews.GLOBAL_HREF, result.findings().isEmpty()
                ? "The AWS deployment check found nothing to fix."
                : "The AWS deployment check found " + result.findings().size() + " thing(s), " + errors + " error(s).");
    }

    public void showNew(Context ctx, ResourceView view) {
        render(ctx, view, null, defaults(view.spec()), Map.of(), null);
    }

    public void create(Context ctx, ResourceView view) {
        Map<String, Object> input = FormInput.read(view, ctx.formParamMap());
        try {
            Map<String, Object> created = service.create(view.spec(), input, WebGuard.session(ctx).actor(ctx));
            if (view.href().equals(PlatformViews.NODES_HREF)) {
                // the guide's next step: deployment type, SSH password, download of the configuration file
                done(ctx, DeployPage.href(view, ((Number) created.get("id")).longValue()), view.singular() + " \""
                        + name(view, created) + "\" was added. Download its configuration file next.");
                return;
            }
            done(ctx, view.href(), view.singular() + " \"" + name(view, created) + "\" was added.");
        } catch (ValidationException e) {
            Map<String, Object> values = defaults(view.spec());
            values.putAll(input);
            refused(ctx, view, null, values, e);
        }
    }

    public void showEdit(Context ctx, ResourceView view) {
        long id = id(ctx, view);
        render(ctx, view, id, existing(view, id), Map.of(), null);
    }

    public void update(Context ctx, ResourceView view) {
        long id = id(ctx, view);
        Map<String, Object> previous = existing(view, id);
        Map<String, Object> input = FormInput.read(view, ctx.formParamMap());
        try {
            Map<String, Object> saved = service.update(view.spec(), id, input, true, WebGuard.session(ctx).actor(ctx));
            done(ctx, view.href(), view.singular() + " \"" + name(view, saved) + "\" was saved.");
        } catch (ValidationException e) {
            Map<String, Object> values = new LinkedHashMap<>(previous);
            values.putAll(input);
            refused(ctx, view, id, values, e);
        }
    }

    public void delete(Context ctx, ResourceView view) {
        long id = id(ctx, view);
        String name = name(view, existing(view, id));
        try {
            service.delete(view.spec(), id, WebGuard.session(ctx).actor(ctx));
            done(ctx, view.href(), view.singular() + " \"" + name + "\" was deleted.");
        } catch (ConflictException e) {
            done(ctx, view.objectHref(id), e.getMessage());
        }
    }

    private void done(Context ctx, String href, String message) {
        WebGuard.session(ctx).flash(message);
        ctx.redirect(href, HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, ResourceView view, Long id, Map<String, Object> values, ValidationException e) {
        ctx.status(HttpStatus.BAD_REQUEST);
        render(ctx, view, id, values, e.fields(), e.getMessage());
    }

    private void render(Context ctx, ResourceView view, Long id, Map<String, Object> values,
                        Map<String, String> errors, String message) {
        boolean isNew = id == null;
        List<FormModel.SectionView> sections = FormFields.build(view, values, errors, isNew, lookups::options);
        Map<String, FieldView> shown = new HashMap<>();
        sections.forEach(section -> section.fields().forEach(field -> shown.put(field.name(), field)));
        List<FormModel.Problem> problems = new ArrayList<>();
        errors.forEach((field, text) -> {
            FieldView control = shown.get(field);
            problems.add(control == null ? new FormModel.Problem(Labels.of(field), null, text)
                    : new FormModel.Problem(control.label(), "#" + control.id(), text));
        });
        String title = isNew ? "Add " + view.singular()
                : view.isSingleton() ? view.title() : view.singular() + ": " + name(view, values);
        String action = isNew ? view.newHref() : view.isSingleton() ? view.href() : view.objectHref(id);
        String deleteHref = !isNew && view.isCollection() ? view.objectHref(id) + "delete" : null;
        FormModel.Snippet snippet = !isNew && view.href().equals(PlatformViews.GLOBAL_HREF)
                ? IamPolicySnippet.of(values) : null;
        FormModel.CheckView check = !isNew && view.href().equals(PlatformViews.GLOBAL_HREF)
                ? DeploymentCheckView.of(checks.last(), PlatformViews.GLOBAL_HREF + "check") : null;
        FormModel form = new FormModel(title, action, sections, message, problems, deleteHref, view.href(), snippet,
                check);
        templates.page(ctx, "form.jte", title, Map.of("form", form));
    }

    private Map<String, Object> existing(ResourceView view, long id) {
        Map<String, Object> object = service.get(view.spec(), id);
        view.fixed().forEach((field, value) -> {
            if (!value.equals(String.valueOf(object.get(field)))) {
                throw new NotFoundException("There is no " + view.singular() + " with id " + id + ".");
            }
        });
        return object;
    }

    private static long id(Context ctx, ResourceView view) {
        if (view.isSingleton()) {
            return ResourceView.SINGLETON_ID;
        }
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no " + view.singular() + " " + ctx.pathParam("id") + ".");
        }
    }

    private static Map<String, Object> defaults(ResourceSpec spec) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields().values()) {
            values.put(field.name(), field.defaultValue());
        }
        return values;
    }

    private static String name(ResourceView view, Map<String, Object> object) {
        Object name = object.get(view.spec().displayField());
        return name == null || name.toString().isEmpty() ? "#" + object.get("id") : name.toString();
    }
}
