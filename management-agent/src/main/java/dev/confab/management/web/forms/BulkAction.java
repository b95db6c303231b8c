package dev.confab.management.web.forms;

import dev.confab.management.ManagementException;
import dev.confab.management.adminlog.Actor;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.session.WebSession;
import dev.confab.management.web.views.ResourceView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Conferencing Nodes bulk menu: enable or disable maintenance mode on, or delete, the selected
 * nodes, each as its own write (one revision and one log line per node).
 */
public final class BulkAction {

    /** The actions of the menu: form value and what the result message says was done. */
    enum Kind {
        MAINTENANCE_ON("maintenance_on", "Maintenance mode enabled on"),
        MAINTENANCE_OFF("maintenance_off", "Maintenance mode disabled on"),
        DELETE("delete", "Deleted");

        final String value;
        final String done;

        Kind(String value, String done) {
            this.value = value;
            this.done = done;
        }

        static Kind of(String value) {
            for (Kind kind : values()) {
                if (kind.value.equals(value)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final ConfigurationService service;

    public BulkAction(ConfigurationService service) {
        this.service = service;
    }

    public void apply(Context ctx, ResourceView view) {
        WebSession session = WebGuard.session(ctx);
        Kind kind = Kind.of(ctx.formParam("action"));
        List<String> ids = ctx.formParams("ids");
        if (kind == null || ids.isEmpty()) {
            session.flash("Choose one or more " + view.title() + " and an action.");
        } else {
            session.flash(run(view, kind, ids, session.actor(ctx)));
        }
        ctx.redirect(view.href(), HttpStatus.SEE_OTHER);
    }

    private String run(ResourceView view, Kind kind, List<String> ids, Actor actor) {
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (String text : ids) {
            try {
                long id = Long.parseLong(text);
                switch (kind) {
                    case MAINTENANCE_ON -> service.update(view.spec(), id, Map.of("maintenance_mode", true), true, actor);
                    case MAINTENANCE_OFF -> service.update(view.spec(), id, Map.of("maintenance_mode", false), true, actor);
                    case DELETE -> service.delete(view.spec(), id, actor);
                }
                done++;
            } catch (NumberFormatException | ManagementException e) {
                failures.add(e instanceof ManagementException ? e.getMessage() : "No such node: " + text + ".");
            }
        }
        String message = kind.done + " " + done + " " + (done == 1 ? view.singular() : view.title()) + ".";
        return failures.isEmpty() ? message : message + " Not done: " + String.join(" ", failures);
    }
}
