package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import dev.confab.management.store.Times;

import java.time.Clock;
import java.util.regex.Pattern;

/** {@code conference_alias}: a dialable alias (SIP URI, H.323 ID, number …) of a service. */
final class ConferenceAliases implements ResourceRules {

    static final String NAME = ResourceNames.CONFERENCE_ALIAS;
    private final Clock clock;

    private ConferenceAliases(Clock clock) {
        this.clock = clock;
    }
    static final int DESCRIPTION_LENGTH = 250;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._~+@:;=!$&'()*,%/\\-#]+");

    static ResourceSpec spec(Clock clock) {
        return ResourceSpec.builder(NAME, "Alias")
                .displayField("alias")
                .field(FieldSpec.string("alias").required().unique().maxLength(250)
                        .help("The alias, e.g. meet.alice@example.com or 8001, unique on the platform."))
                .field(FieldSpec.related("conference", Conferences.NAME).required().cascade()
                        .help("The service this alias reaches."))
                .field(FieldSpec.string("description").maxLength(DESCRIPTION_LENGTH).help("A description of the alias."))
                .field(FieldSpec.datetime("creation_time").readOnly()
                        .help("When the alias was created (UTC, read-only)."))
                .field(FieldSpec.integer("view_order").nullable().range(0, 1000000)
                        .help(StoredOnly.help("Position of the alias among its service's aliases.")))
                .rules(new ConferenceAliases(clock))
                .defaultOrder("alias")
                .build();
    }

    @Override
    public void check(Candidate alias, StoreView store, FieldErrors errors) {
        String problem = problem(alias.text("alias"));
        if (problem != null && !errors.has("alias")) {
            errors.add("alias", problem);
        }
    }

    @Override
    public void derive(Candidate alias, StoreView store) {
        if (alias.isNew()) {
            alias.put("creation_time", Times.format(clock.instant()));
        }
    }

    /** What is wrong with an alias, or null when it is acceptable. */
    static String problem(String alias) {
        if (alias.length() > 250) {
            return "An alias is at most 250 characters.";
        }
        if (!alias.isEmpty() && !ALLOWED.matcher(alias).matches()) {
            return "The alias " + alias + " contains spaces or characters not allowed in a dial string.";
        }
        return null;
    }
}
