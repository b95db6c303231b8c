package dev.confab.management.web;

import dev.confab.management.auth.LoginAttempts;
import dev.confab.management.cloud.DeploymentChecks;
import dev.confab.management.bursting.scheduler.BurstingScheduler;
import dev.confab.management.calls.Calls;
import dev.confab.management.calls.LoadHistory;
import dev.confab.management.cloud.ConversionWarnings;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.forms.BulkAction;
import dev.confab.management.web.forms.DeployPage;
import dev.confab.management.web.forms.FormPage;
import dev.confab.management.bursting.plan.PlanRuns;
import dev.confab.management.web.pages.BurstingPlanPage;
import dev.confab.management.web.pages.CloudBurstingPage;
import dev.confab.management.web.pages.ListPage;
import dev.confab.management.web.pages.LiveViewPage;
import dev.confab.management.web.pages.LoginPage;
import dev.confab.management.web.session.Sessions;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.Menu;
import dev.confab.management.web.views.PlatformViews;
import dev.confab.management.web.views.ResourceView;
import dev.confab.management.web.views.ResourceViews;
import dev.confab.management.web.views.Templates;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import dev.confab.management.provisioning.ConfigurationFiles;

/**
 * The administrator interface: server-rendered pages of the Management Node's menu, on the same
 * HTTPS port as the management API. Pages need a login session; forms carry a CSRF token and
 * write through {@link ConfigurationService}. Thread-safe once registered.
 */
public final class WebUi {

    private static final String ERROR_SHOWN = "confab.web.error-shown";

    private final ConfigurationService service;
    private final Sessions sessions;
    private final Templates templates;
    private final LoginPage login;
    private final List<ResourceView> views;
    private final ConfigurationFiles files;
    private final DeploymentChecks checks;
    private final Calls calls;
    private final ConversionWarnings warnings;
    private final LoadHistory loadHistory;
    private final Clock clock;
    private final BurstingScheduler bursting;
    private final PlanRuns plans;

    /**
     * @param checks     the AWS deployment check, shown and run on Global Settings
     * @param logins     checks logins, throttled and summed in the administrator log as for the API
     * @param idle       how long a session lasts without a request
     * @param selfSigned whether the HTTPS certificate is still the self-signed one (shows a banner)
     * @param calls      the calls in progress, for Live View's disconnect buttons
     * @param warnings    the guide's conversion checks, shown on Cloud Bursting
     * @param loadHistory each location's load over the last hours, charted on Cloud Bursting
     * @param bursting    bursting's scheduler, which Cloud Bursting's Start buttons ask
     * @param plans       runs the simulations of Cloud Bursting › Plan, one at a time
     */
    public WebUi(ConfigurationService service, ConfigurationFiles files, DeploymentChecks checks, LoginAttempts logins,
                 Clock clock, Duration idle, BooleanSupplier selfSigned, Calls calls, ConversionWarnings warnings,
                 LoadHistory loadHistory, BurstingScheduler bursting, PlanRuns plans) {
        this.service = service;
        this.files = files;
        this.checks = checks;
        this.calls = calls;
        this.warnings = warnings;
        this.loadHistory = loadHistory;
        this.clock = clock;
        this.bursting = bursting;
        this.plans = plans;
        this.sessions = new Sessions(clock, idle);
        this.templates = new Templates(selfSigned);
        this.login = new LoginPage(logins, sessions, templates);
        this.views = ResourceViews.all(service.catalog());
    }

    public void register(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        // the only upload of the administrator interface: a trace file of Cloud Bursting › Plan
        config.jetty.multipartConfig.maxFileSize(BurstingPlanPage.MAX_TRACE_MIB, SizeUnit.MB);
        config.jetty.multipartConfig.maxTotalRequestSize(BurstingPlanPage.MAX_TRACE_MIB + 1, SizeUnit.MB);
        BurstingPlanPage plan = new BurstingPlanPage(service, templates, plans, clock);
        // before the guard, which reads the form's token from the body
        config.routes.before(BurstingPlanPage.HREF, plan::refuseOversized);
        config.routes.before(new WebGuard(sessions)::check);
        config.routes.get("/", ctx -> ctx.redirect(Menu.HOME, HttpStatus.FOUND));
        config.routes.get("/static/confab.css", ctx -> staticFile(ctx, "/web/confab.css", "text/css; charset=utf-8"));
        config.routes.get("/static/copy.js", ctx -> staticFile(ctx, "/web/copy.js",
                "text/javascript; charset=utf-8"));
        config.routes.get("/static/load-chart.js", ctx -> staticFile(ctx, "/web/load-chart.js",
                "text/javascript; charset=utf-8"));
        config.routes.get("/static/plan-chart.js", ctx -> staticFile(ctx, "/web/plan-chart.js",
                "text/javascript; charset=utf-8"));
        login.register(config);
        Lookups lookups = new Lookups(service);
        ListPage list = new ListPage(service, templates, lookups);
        FormPage form = new FormPage(service, templates, lookups, checks);
        BulkAction bulk = new BulkAction(service);
        for (ResourceView view : views) {
            String href = view.href();
            if (view.isSingleton()) {
                if (href.equals(PlatformViews.GLOBAL_HREF)) {
                    config.routes.post(href + "check", form::checkDeployment);
                }
                config.routes.get(href, ctx -> form.showEdit(ctx, view));
                config.routes.post(href, ctx -> form.update(ctx, view));
                continue;
            }
            config.routes.get(href, ctx -> list.show(ctx, view));
            // fixed paths before {id}/: with trailing slashes ignored, "{id}/" would also match them
            if (view.bulk()) {
                config.routes.post(href + "bulk", ctx -> bulk.apply(ctx, view));
            }
            if (view.href().equals(PlatformViews.NODES_HREF)) {
                DeployPage deploy = new DeployPage(service, files, templates, view);
                config.routes.get(href + "{id}/deploy", deploy::show);
                config.routes.post(href + "{id}/deploy", deploy::download);
            }
            if (view.editable() && view.isCollection()) {
                config.routes.get(view.newHref(), ctx -> form.showNew(ctx, view));
                config.routes.post(view.newHref(), ctx -> form.create(ctx, view));
                config.routes.get(href + "{id}/", ctx -> form.showEdit(ctx, view));
                config.routes.post(href + "{id}/", ctx -> form.update(ctx, view));
                config.routes.post(href + "{id}/delete", ctx -> form.delete(ctx, view));
            }
        }
        CloudBurstingPage cloudBursting = new CloudBurstingPage(service, templates, lookups, warnings, loadHistory,
                clock, bursting);
        LiveViewPage live = new LiveViewPage(service, templates, lookups, calls);
        config.routes.get(LiveViewPage.HREF, live::show);
        config.routes.post(LiveViewPage.DISCONNECT, live::disconnect);
        config.routes.get(CloudBurstingPage.HREF, cloudBursting::show);
        config.routes.post(CloudBurstingPage.START, cloudBursting::start);
        config.routes.get(BurstingPlanPage.HREF, plan::show);
        config.routes.post(BurstingPlanPage.HREF, plan::run);
        config.routes.error(404, ctx -> {
            if (!ctx.path().startsWith("/api/") && ctx.attribute(ERROR_SHOWN) == null) {
                errorPage(ctx, 404, "There is no page " + ctx.path() + " on this Management Node.");
            }
        });
    }

    /** Renders a failure of a page request as HTML, inside the menu when the request has a session. */
    public void errorPage(Context ctx, int status, String message) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("message", message);
        params.put("chrome", WebGuard.optionalSession(ctx)
                .map(session -> templates.chrome(ctx, session, "Error " + status)).orElse(null));
        ctx.status(status);
        ctx.attribute(ERROR_SHOWN, true);
        templates.render(ctx, "error.jte", params);
    }

    private static void staticFile(Context ctx, String resource, String contentType) {
        try (InputStream in = WebUi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build.");
            }
            ctx.contentType(contentType).header("Cache-Control", "max-age=3600")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
