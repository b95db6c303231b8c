package dev.confab.management.resource.catalog;

import dev.confab.management.resource.FieldSpec;
import dev.confab.management.resource.NotFoundException;
import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoreView;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every resource of the management API, by API and name. The single source of field rules for the
 * REST API and the web interface alike. Immutable and thread-safe.
 */
public final class Catalog {

    private final Map<String, ResourceSpec> byKey = new LinkedHashMap<>();
    private final boolean loopbackNodes;

    /** A catalog that refuses loopback addresses for nodes, as every real platform does. */
    public Catalog(Clock clock) {
        this(clock, false);
    }

    /**
     * {@code loopbackNodes}: whether node addresses and gateways on 127.0.0.0/8 are accepted, for a
     * platform whose every part runs on one host (a Management Node listening on loopback).
     */
    public Catalog(Clock clock, boolean loopbackNodes) {
        this(clock, loopbackNodes, new LicenceUsage(), ManagementNodeFacts.ofThisProcess(clock.instant()));
    }

    /**
     * As {@link #Catalog(Clock, boolean)}; {@code usage} is what {@code status/licensing} counts as in
     * use, {@code self} what {@code status/management_vm} says of the Management Node.
     */
    public Catalog(Clock clock, boolean loopbackNodes, LicenceUsage usage, ManagementNodeFacts self) {
        this.loopbackNodes = loopbackNodes;
        add(SystemLocations.spec());
        add(WorkerVms.spec());
        add(ManagementVms.spec());
        add(GlobalSettingsSpec.spec());
        add(BurstingScheduleSpec.spec());
        add(Conferences.spec(clock));
        add(ConferenceAliases.spec(clock));
        add(Licences.spec(clock));
        add(Servers.dns());
        add(Servers.ntp());
        add(Servers.staticRoute());
        add(TlsCertificates.spec());
        add(SshAuthorizedKeys.spec());
        add(NetworkServices.syslog());
        add(NetworkServices.httpProxy());
        add(NetworkServices.eventSink());
        add(NetworkServices.stun());
        add(NetworkServices.turn());
        add(NetworkServices.snmpManagementSystem());
        add(CallControl.sipProxy());
        add(CallControl.mssipProxy());
        add(CallControl.h323Gatekeeper());
        add(CallControl.teamsProxy());
        add(CallControl.policyServer());
        add(adminLog());
        add(PlatformRecords.alarm());
        add(PlatformRecords.nodeHistory());
        add(StatusRecords.workerVm());
        add(StatusRecords.systemLocation());
        add(StatusRecords.alarmHistory());
        add(PlatformStatus.managementVm(self));
        add(PlatformStatus.licensing(clock, usage));
        add(CallRecords.conferenceStatus());
        add(CallRecords.participantStatus());
        add(CallRecords.conferenceHistory());
        add(CallRecords.participantHistory());
        add(CloudStatusRecords.cloudNode());
        add(CloudStatusRecords.monitoredLocation());
        add(CloudStatusRecords.overflowLocation());
        add(CloudStatusRecords.bursting());
        add(CloudStatusRecords.notes());
    }

    private void add(ResourceSpec spec) {
        byKey.put(spec.api() + "/" + spec.name(), spec);
    }

    /** The resource {@code name} of {@code api}, or a 404 naming the resources that exist. */
    public ResourceSpec get(String api, String name) {
        ResourceSpec spec = byKey.get(api + "/" + name);
        if (spec == null) {
            throw new NotFoundException("There is no resource " + name + " in the " + api
                    + " API: see /api/admin/" + api + "/v1/ for the list.");
        }
        return spec;
    }

    /** A configuration resource by name. */
    public ResourceSpec configuration(String name) {
        return get(ResourceNames.CONFIGURATION_API, name);
    }

    /** Whether node addresses and gateways on 127.0.0.0/8 are accepted (see the constructor). */
    public boolean loopbackNodes() {
        return loopbackNodes;
    }

    public Collection<ResourceSpec> all() {
        return byKey.values();
    }

    /** The tag key that marks overflow instances. */
    public static String burstingTagName() {
        return GlobalSettingsSpec.TAG_NAME;
    }

    /** The tag value that marks this platform's overflow instances, as the store holds it now. */
    public static String burstingTagValue(StoreView store) {
        return GlobalSettingsSpec.tagValue(store);
    }

    private static ResourceSpec adminLog() {
        return ResourceSpec.builder(ResourceNames.ADMIN_LOG, "Administrator log entry")
                .api(ResourceNames.HISTORY_API)
                .shape(ResourceSpec.Shape.READ_ONLY)
                .displayField("object_name")
                .defaultOrder("-id")
                .field(FieldSpec.datetime("time").readOnly().help("When it happened (UTC)."))
                .field(FieldSpec.string("user").readOnly().help("Who did it."))
                .field(FieldSpec.string("address").readOnly().help("From which address."))
                .field(FieldSpec.string("action").readOnly().help("created, updated, deleted, login_failed …"))
                .field(FieldSpec.string("resource").readOnly().help("The kind of object."))
                .field(FieldSpec.integer("object_id").nullable().readOnly().help("The object's id."))
                .field(FieldSpec.string("object_name").readOnly().help("The object's name."))
                .field(FieldSpec.string("details").readOnly().help("What changed."))
                .field(FieldSpec.integer("revision").nullable().readOnly().help("Configuration revision it produced."))
                .build();
    }
}
