package dev.confab.localcloud;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo sets up for calls, through the management API as an operator would: a licence for
 * concurrent calls and a Virtual Meeting Room with one alias, which {@code confab callgen} can call.
 */
public final class DemoCalls {

    /** The alias of the demo's Virtual Meeting Room. */
    public static final String ALIAS = "meet@demo";
    /** Concurrent calls the demo's licence allows: more than the demo's nodes can host, so capacity is the limit. */
    public static final int LICENSED_CALLS = 500;

    private DemoCalls() {
    }

    /** Installs the licence and adds the Virtual Meeting Room; returns the room's alias. */
    public static String create(ManagementClient api) throws IOException, InterruptedException {
        api.post("/api/admin/configuration/v1/licence/", Map.of("concurrent", LICENSED_CALLS,
                "audio", LICENSED_CALLS, "description", "Licence of the demo"));
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("name", "Demo room");
        room.put("description", "Virtual Meeting Room of the demo, for confab callgen");
        room.put("service_type", "conference");
        room.put("aliases", List.of(Map.of("alias", ALIAS, "description", "The demo's room")));
        api.post("/api/admin/configuration/v1/conference/", room);
        return ALIAS;
    }
}
