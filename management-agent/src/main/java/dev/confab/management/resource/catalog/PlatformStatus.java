package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.ResourceRules;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;
import dev.confab.management.resource.StoredRow;
import dev.confab.management.store.Times;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The status of the platform as a whole: {@code status/management_vm} (the Management Node itself)
 * and {@code status/licensing} (licences in all, and in use now). Read-only; each is one object,
 * read from a view of the store and completed when rendered.
 */
final class PlatformStatus {

    private PlatformStatus() {
    }

    static ResourceSpec managementVm(ManagementNodeFacts facts) {
        return ResourceSpec.builder(ResourceNames.MANAGEMENT_VM, "Management Node status")
                .api(ResourceNames.STATUS_API)
                .table("management_vm_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .field(FieldSpec.integer("configuration_id").readOnly().help("The node's id in the configuration API."))
                .field(FieldSpec.string("name").readOnly().help("The Management Node's name."))
                .field(FieldSpec.bool("primary", true).readOnly()
                        .help("Whether it is the primary Management Node: Confab has one, so always true."))
                .field(FieldSpec.string("sync_status").readOnly()
                        .help("SYNCED: the Management Node holds every configuration revision as it commits it."))
                .field(FieldSpec.string("upgrade_status").readOnly()
                        .help("IDLE: no software upgrade is running (Confab upgrades by package, outside the API)."))
                .field(FieldSpec.datetime("last_updated").nullable().readOnly()
                        .help("When the newest configuration revision was committed (UTC); null before the first."))
                .field(FieldSpec.datetime("last_attempted_contact").nullable().readOnly()
                        .help("Always null: the Management Node does not contact itself."))
                .field(FieldSpec.string("version").computed().help("The software version it runs."))
                .field(FieldSpec.datetime("boot_time").computed().help("When it started (UTC)."))
                .field(FieldSpec.integer("cpu_count").computed().help("CPUs of its host."))
                .field(FieldSpec.integer("total_ram").computed().help("Memory of its host, in KB."))
                .rules(new ResourceRules() {
                    @Override
                    public void render(Map<String, Object> values, StoreView store) {
                        values.put("version", facts.version());
                        values.put("boot_time", Times.format(facts.bootTime()));
                        values.put("cpu_count", (long) facts.cpuCount());
                        values.put("total_ram", facts.totalRamKb());
                    }
                })
                .build();
    }

    static ResourceSpec licensing(Clock clock, LicenceUsage usage) {
        return ResourceSpec.builder(ResourceNames.LICENSING, "Licensing status")
                .api(ResourceNames.STATUS_API)
                .table("licensing_status")
                .shape(ResourceSpec.Shape.READ_ONLY)
                .field(FieldSpec.integer("port_count").computed().help("Port licences in use now: 0 until calls are"
                        + " admitted and counted."))
                .field(FieldSpec.integer("port_total").computed()
                        .help("Port licences in all: the concurrent calls of the licences valid now."))
                .field(FieldSpec.integer("audio_count").computed().help("Audio licences in use now: 0 until calls"
                        + " are admitted and counted."))
                .field(FieldSpec.integer("audio_total").computed()
                        .help("Audio licences in all: the audio calls of the licences valid now."))
                .field(FieldSpec.integer("system_count").computed()
                        .help("System licences in use now (registered systems): 0, as Confab takes no registrations."))
                .field(FieldSpec.integer("system_total").computed()
                        .help("System licences in all: the activatable count of the licences valid now."))
                .rules(new ResourceRules() {
                    @Override
                    public void render(Map<String, Object> values, StoreView store) {
                        Instant now = clock.instant();
                        long ports = 0;
                        long audio = 0;
                        long systems = 0;
                        for (Map<String, Object> row : store.all(ResourceNames.LICENCE)) {
                            Licence licence = Licence.of(new StoredRow(row));
                            if (licence.isActive(now)) {
                                ports += licence.concurrent();
                                audio += licence.audio();
                                systems += licence.activatable();
                            }
                        }
                        values.put("port_count", usage.inUse(LicenceUsage.Use.PORT));
                        values.put("port_total", ports);
                        values.put("audio_count", usage.inUse(LicenceUsage.Use.AUDIO));
                        values.put("audio_total", audio);
                        values.put("system_count", usage.inUse(LicenceUsage.Use.SYSTEM));
                        values.put("system_total", systems);
                    }
                })
                .build();
    }
}
