package dev.confab.management.resource.catalog;

import dev.confab.management.resource.Candidate;
import dev.confab.management.resource.FieldErrors;
import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.management.store.Times;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * {@code licence}: concurrent call capacity of a self-hosted platform. The {@code status} is
 * computed from the dates when the licence is read.
 */
final class Licences implements ResourceRules {

    static final String NAME = ResourceNames.LICENCE;
    private final Clock clock;

    private Licences(Clock clock) {
        this.clock = clock;
    }

    static ResourceSpec spec(Clock clock) {
        return ResourceSpec.builder(NAME, "Licence")
                .displayField("fulfillment_id")
                .field(FieldSpec.string("fulfillment_id").readOnly().help("Identifier of this licence (read-only)."))
                .field(FieldSpec.string("description").maxLength(250).help("A description of the licence."))
                .field(FieldSpec.integer("concurrent").required().range(1, 1000000)
                        .help("Concurrent calls (ports) this licence is for: while it is active, call admission never"
                                + " admits more calls at once than the active licences' sum."))
                .field(FieldSpec.integer("audio").defaultValue(0L).range(0, 1000000)
                        .help("Additional concurrent audio-only calls: an audio-only call takes one of these while one"
                                + " is free, else a port."))
                .field(FieldSpec.datetime("start_date").nullable().help("Start of validity (UTC); now when blank."))
                .field(FieldSpec.datetime("expiration_date").nullable()
                        .help("End of validity (UTC); blank for a licence that does not expire."))
                .field(FieldSpec.string("status").computed().help("ACTIVE, EXPIRED or NOT_YET_VALID (read-only)."))
                .field(FieldSpec.string("entitlement_id").maxLength(100)
                        .help(StoredOnly.help("Entitlement the licence was activated from at the reference's"
                                + " licensing server; Confab contacts no licensing server.")))
                .field(FieldSpec.bool("offline_mode", false)
                        .help(StoredOnly.help("Whether the licence was activated offline.")))
                .field(FieldSpec.string("product_id").maxLength(100)
                        .help(StoredOnly.help("Product the licence is for.")))
                .field(FieldSpec.string("license_type").maxLength(100)
                        .help(StoredOnly.help("Kind of licence, as the reference names it.")))
                .field(FieldSpec.string("features").maxLength(1000)
                        .help(StoredOnly.help("Features the licence grants, as the reference lists them.")))
                .field(FieldSpec.integer("activatable").defaultValue(0L).range(0, 1000000)
                        .help(StoredOnly.help("Activatable (registered) licences it includes.")))
                .field(FieldSpec.integer("hybrid").defaultValue(0L).range(0, 1000000)
                        .help(StoredOnly.help("Hybrid licences it includes.")))
                .rules(new Licences(clock))
                .build();
    }

    @Override
    public void check(Candidate licence, StoreView store, FieldErrors errors) {
        String start = licence.text("start_date");
        String end = licence.text("expiration_date");
        if (!start.isEmpty() && !end.isEmpty() && end.compareTo(start) <= 0) {
            errors.add("expiration_date", "The expiration date must be after the start date.");
        }
    }

    @Override
    public void derive(Candidate licence, StoreView store) {
        if (licence.isNew()) {
            licence.put("fulfillment_id", UUID.randomUUID().toString());
        }
        if (licence.text("start_date").isEmpty()) {
            licence.put("start_date", Times.format(clock.instant()));
        }
    }

    @Override
    public void render(Map<String, Object> values, StoreView store) {
        String now = Times.format(clock.instant());
        Object start = values.get("start_date");
        Object end = values.get("expiration_date");
        String status = "ACTIVE";
        if (start != null && start.toString().compareTo(now) > 0) {
            status = "NOT_YET_VALID";
        } else if (end != null && end.toString().compareTo(now) <= 0) {
            status = "EXPIRED";
        }
        values.put("status", status);
    }
}
