package dev.confab.management.web.pages;

import dev.confab.management.ManagementException;
import dev.confab.management.calls.Calls;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.engine.ConfigurationService;
import dev.confab.management.web.session.WebGuard;
import dev.confab.management.web.session.WebSession;
import dev.confab.management.web.views.LiveView;
import dev.confab.management.web.views.Lookups;
import dev.confab.management.web.views.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status › Live View: per location and node, each node's load and the conferences and participants
 * whose media it hosts, as the Management Node knows them now; the page refreshes itself every two
 * seconds (htmx swaps in the live part) and each participant and conference has a disconnect button.
 */
public final class LiveViewPage {

    public static final String HREF = "/status/live-view/";
    public static final String DISCONNECT = HREF + "disconnect";

    private final ConfigurationService service;
    private final Templates templates;
    private final Lookups lookups;
    private final Calls calls;

    public LiveViewPage(ConfigurationService service, Templates templates, Lookups lookups, Calls calls) {
        this.service = service;
        this.templates = templates;
        this.lookups = lookups;
        this.calls = calls;
    }

    public void show(Context ctx) {
        templates.page(ctx, "live-view.jte", "Live View", Map.of("view", view()));
    }

    /** Disconnects the participant or the conference the form names, and says how it went. */
    public void disconnect(Context ctx) {
        WebSession session = WebGuard.session(ctx);
        String participant = ctx.formParam("participant");
        String conference = ctx.formParam("conference");
        try {
            if (participant != null && !participant.isBlank()) {
                calls.disconnectParticipant(participant, session.actor(ctx));
                session.flash("Disconnected " + text(ctx.formParam("name")) + ".");
            } else if (conference != null && !conference.isBlank()) {
                int count = calls.disconnectConference(conference, session.actor(ctx)).size();
                session.flash("Disconnected the " + count + " participant(s) of " + conference + ".");
            } else {
                session.flash("Choose a participant or a conference to disconnect.");
            }
        } catch (ManagementException e) {
            session.flash("Not disconnected: " + e.getMessage());
        }
        ctx.redirect(HREF, HttpStatus.SEE_OTHER);
    }

    private LiveView view() {
        Catalog catalog = service.catalog();
        Map<String, Map<String, Object>> locationStatus = byName(lookups.all(catalog.get(ResourceNames.STATUS_API,
                ResourceNames.SYSTEM_LOCATION), Map.of()));
        List<Map<String, Object>> nodes = lookups.all(catalog.get(ResourceNames.STATUS_API, ResourceNames.WORKER_VM),
                Map.of());
        Map<String, Map<String, List<LiveView.Participant>>> hosted = new LinkedHashMap<>();
        for (Map<String, Object> row : lookups.all(catalog.get(ResourceNames.STATUS_API, ResourceNames.PARTICIPANT),
                Map.of())) {
            hosted.computeIfAbsent(text(row.get("media_node")), node -> new LinkedHashMap<>())
                    .computeIfAbsent(text(row.get("conference")), name -> new ArrayList<>())
                    .add(new LiveView.Participant(text(row.get("uuid")), text(row.get("display_name")),
                            text(row.get("role")), text(row.get("call_type")), text(row.get("signalling_node")),
                            text(row.get("connect_time"))));
        }
        List<LiveView.Location> locations = new ArrayList<>();
        for (Map<String, Object> location : lookups.all(catalog.configuration(ResourceNames.SYSTEM_LOCATION),
                Map.of())) {
            String name = text(location.get("name"));
            List<LiveView.Node> inLocation = new ArrayList<>();
            for (Map<String, Object> node : nodes) {
                if (name.equals(node.get("system_location"))) {
                    inLocation.add(node(node, hosted.getOrDefault(text(node.get("name")), Map.of())));
                }
            }
            locations.add(new LiveView.Location(name, locationLoad(locationStatus.get(name)), inLocation));
        }
        return new LiveView(locations);
    }

    private static LiveView.Node node(Map<String, Object> status, Map<String, List<LiveView.Participant>> hosted) {
        boolean reachable = !"UNREACHABLE".equals(status.get("sync_status"));
        String state = (reachable ? "Reachable" : "Unreachable")
                + (Boolean.TRUE.equals(status.get("maintenance_mode")) ? ", maintenance mode" : "");
        String load = status.get("media_tokens_used") + " of " + status.get("max_media_tokens") + " media tokens ("
                + status.get("media_load") + " %), " + status.get("free_hd_calls") + " free HD calls";
        List<LiveView.Conference> conferences = new ArrayList<>();
        hosted.forEach((name, participants) -> conferences.add(new LiveView.Conference(name, participants)));
        return new LiveView.Node(text(status.get("name")), "CONFERENCING".equals(status.get("node_type"))
                ? "Transcoding" : "Proxying edge", state, load, conferences);
    }

    private static String locationLoad(Map<String, Object> status) {
        if (status == null) {
            return "";
        }
        return status.get("media_load") + " % media load, " + status.get("free_hd_calls") + " free HD calls of "
                + status.get("max_hd_calls");
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.put(text(row.get("name")), row));
        return byName;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
