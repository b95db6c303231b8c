package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.PlainText;
import dev.confab.management.resource.Format;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import dev.confab.management.store.Times;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code conference}: a Virtual Meeting Room or Virtual Auditorium. Its {@code aliases} are
 * written inline as {@code [{"alias": ..., "description": ...}]} and kept as
 * {@code conference_alias} objects.
 */
final class Conferences implements ResourceRules {

    static final String NAME = ResourceNames.CONFERENCE;
    private final Clock clock;

    private Conferences(Clock clock) {
        this.clock = clock;
    }

    static ResourceSpec spec(Clock clock) {
        return ResourceSpec.builder(NAME, "Virtual Meeting Room")
                .field(FieldSpec.string("name").required().unique().maxLength(250)
                        .help("The name of the service, unique on the platform."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the service."))
                .field(FieldSpec.string("service_type").defaultValue("conference")
                        .choices("conference", "lecture", "two_stage_dialing", "test_call", "media_playback")
                        .help("conference = Virtual Meeting Room, lecture = Virtual Auditorium."))
                .field(FieldSpec.string("call_type").defaultValue("video").choices("video", "audio", "video-only")
                        .help("The media a participant may use."))
                .field(FieldSpec.string("pin").maxLength(20).format(Format.DIGITS)
                        .help("Host PIN: 4 to 20 digits, or blank for none."))
                .field(FieldSpec.string("guest_pin").maxLength(20).format(Format.DIGITS)
                        .help("Guest PIN: 4 to 20 digits; only with a host PIN."))
                .field(FieldSpec.bool("allow_guests", false).help("Whether guests may join."))
                .field(FieldSpec.integer("participant_limit").nullable().range(0, 100000)
                        .help("Maximum participants; blank for no limit."))
                .field(FieldSpec.string("max_pixels_per_second").nullable().choices("sd", "hd", "fullhd")
                        .help("Highest call quality offered: sd, hd or fullhd; blank for the platform default."))
                .field(FieldSpec.string("tag").maxLength(250).help("A tag for reporting."))
                .field(FieldSpec.string("crypto_mode").nullable().choices("besteffort", "on", "off")
                        .help(StoredOnly.help("Media encryption of this service: besteffort, on or off; blank for"
                                + " the platform's setting.")))
                .field(FieldSpec.integer("max_callrate_in").nullable().range(128, 8192)
                        .help(StoredOnly.help("Highest bandwidth (kbps, 128 to 8192) a participant may send;"
                                + " blank for no limit.")))
                .field(FieldSpec.integer("max_callrate_out").nullable().range(128, 8192)
                        .help(StoredOnly.help("Highest bandwidth (kbps, 128 to 8192) a participant is sent;"
                                + " blank for no limit.")))
                .field(FieldSpec.string("host_view").nullable().maxLength(64).format(Format.WORD)
                        .help(StoredOnly.help("Layout hosts see, such as one_main_seven_pips.")))
                .field(FieldSpec.string("guest_view").nullable().maxLength(64).format(Format.WORD)
                        .help(StoredOnly.help("Layout guests of a Virtual Auditorium see, such as"
                                + " one_main_seven_pips.")))
                .field(FieldSpec.related("system_location", ResourceNames.SYSTEM_LOCATION).nullable()
                        .help(StoredOnly.help("Location whose nodes are to host this service's media.")))
                .field(FieldSpec.string("primary_owner_email_address").maxLength(100).format(Format.EMAIL)
                        .help(StoredOnly.help("Email address of the service's owner.")))
                .field(FieldSpec.datetime("creation_time").readOnly()
                        .help("When the service was created (UTC, read-only)."))
                .field(FieldSpec.nestedList("aliases", ConferenceAliases.NAME)
                        .help("Aliases that reach this service: [{\"alias\": \"meet@example.com\", \"description\": \"\"}]."))
                .rules(new Conferences(clock))
                .defaultOrder("name")
                .build();
    }

    @Override
    public void check(Candidate conference, StoreView store, FieldErrors errors) {
        String pin = conference.text("pin");
        String guestPin = conference.text("guest_pin");
        if (!guestPin.isEmpty() && pin.isEmpty()) {
            errors.add("guest_pin", "A guest PIN needs a host PIN: set the host PIN first or clear the guest PIN.");
        } else if (!guestPin.isEmpty() && guestPin.equals(pin)) {
            errors.add("guest_pin", "The guest PIN must differ from the host PIN.");
        }
        if (conference.given("aliases")) {
            checkAliases(conference, store, errors);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkAliases(Candidate conference, StoreView store, FieldErrors errors) {
        Object value = conference.get("aliases");
        if (!(value instanceof List<?> list)) {
            errors.add("aliases", "Give aliases as a list of objects with an \"alias\" field.");
            return;
        }
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> clean = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("alias") instanceof String alias) || alias.isBlank()) {
                errors.add("aliases", "Each alias is an object with a non-empty \"alias\" string.");
                return;
            }
            String description = map.get("description") instanceof String text ? text : "";
            String problem = PlainText.problem("alias", alias, false);
            if (problem == null) {
                problem = PlainText.problem("description", description, false);
            }
            if (problem == null && description.strip().length() > ConferenceAliases.DESCRIPTION_LENGTH) {
                problem = "An alias's description is at most " + ConferenceAliases.DESCRIPTION_LENGTH + " characters.";
            }
            String trimmed = alias.trim();
            if (problem == null) {
                problem = ConferenceAliases.problem(trimmed);
            }
            if (problem != null) {
                errors.add("aliases", problem);
                return;
            }
            if (!seen.add(trimmed)) {
                errors.add("aliases", "The alias " + trimmed + " is listed twice.");
                return;
            }
            for (Map<String, Object> other : store.findBy(ConferenceAliases.NAME, "alias", trimmed)) {
                if (!Objects.equals(((Number) other.get("conference")).longValue(), conference.id())) {
                    errors.add("aliases", "The alias " + trimmed + " already belongs to another service.");
                    return;
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("alias", trimmed);
            row.put("description", description.strip());
            clean.add(row);
        }
        conference.put("aliases", clean);
    }

    @Override
    public void derive(Candidate conference, StoreView store) {
        if (conference.isNew()) {
            conference.put("creation_time", Times.format(clock.instant()));
        }
    }

    /** Replaces the aliases; one that stays keeps its creation time and view order. */
    @Override
    @SuppressWarnings("unchecked")
    public void afterWrite(long id, Candidate conference, StoreView store) {
        if (!conference.given("aliases")) {
            return;
        }
        Map<Object, Map<String, Object>> before = new HashMap<>();
        store.findBy(ConferenceAliases.NAME, "conference", id).forEach(row -> before.put(row.get("alias"), row));
        store.nested().deleteWhere(ConferenceAliases.NAME, "conference", id);
        String now = Times.format(clock.instant());
        for (Map<String, Object> alias : (List<Map<String, Object>>) conference.get("aliases")) {
            Map<String, Object> row = new LinkedHashMap<>(alias);
            Map<String, Object> kept = before.getOrDefault(alias.get("alias"), Map.of());
            row.put("conference", id);
            row.put("creation_time", kept.getOrDefault("creation_time", now));
            row.put("view_order", kept.get("view_order"));
            store.nested().insert(ConferenceAliases.NAME, row);
        }
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        long id = ((Number) values.get("id")).longValue();
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (Map<String, Object> row : store.findBy(ConferenceAliases.NAME, "conference", id)) {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("id", row.get("id"));
            alias.put("alias", row.get("alias"));
            alias.put("description", row.get("description"));
            alias.put("creation_time", row.get("creation_time"));
            alias.put("view_order", row.get("view_order"));
            alias.put("conference", "/api/admin/configuration/v1/conference/" + id + "/");
            alias.put("resource_uri", "/api/admin/configuration/v1/conference_alias/" + row.get("id") + "/");
            aliases.add(alias);
        }
        values.put("aliases", aliases);
    }
}
