package dev.confab.management.resource.engine;

import dev.confab.management.resource.ResourceSpec;
import dev.confab.management.resource.StoredRow;
import dev.confab.management.resource.catalog.BurstingLimits;
import dev.confab.management.resource.catalog.BurstingPlanning;
import dev.confab.management.resource.catalog.BurstingSchedule;
import dev.confab.management.resource.catalog.Catalog;
import dev.confab.management.resource.catalog.Conference;
import dev.confab.management.resource.catalog.ConferenceAlias;
import dev.confab.management.resource.catalog.GlobalSettings;
import dev.confab.management.resource.catalog.Licence;
import dev.confab.management.resource.catalog.ResourceNames;
import dev.confab.management.resource.catalog.Server;
import dev.confab.management.resource.catalog.StaticRoute;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.TlsCertificate;
import dev.confab.management.resource.catalog.WorkerVm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configuration as the catalog's typed records, read inside one transaction: what components
 * outside the API and the web interface read instead of rows. Not thread-safe: bound to one
 * transaction.
 */
public final class TypedReads {

    private final HandleView view;
    private final Catalog catalog;

    TypedReads(HandleView view, Catalog catalog) {
        this.view = view;
        this.catalog = catalog;
    }

    public Optional<WorkerVm> workerVm(long id) {
        return one(ResourceNames.WORKER_VM, id, WorkerVm::of);
    }

    /** Every Conferencing Node, by id. */
    public List<WorkerVm> workerVms() {
        return all(ResourceNames.WORKER_VM, WorkerVm::of);
    }

    /** The Conferencing Nodes with these ids, by id (ids of deleted nodes are skipped). */
    public List<WorkerVm> workerVms(Collection<Long> ids) {
        ResourceSpec spec = catalog.configuration(ResourceNames.WORKER_VM);
        List<Map<String, Object>> rows = view.findIn(spec.table(), "id", List.copyOf(ids));
        return Renderer.storedRows(spec, rows, view).stream().map(WorkerVm::of).toList();
    }

    public Optional<SystemLocation> systemLocation(long id) {
        return one(ResourceNames.SYSTEM_LOCATION, id, SystemLocation::of);
    }

    /** Every system location, by id. */
    public List<SystemLocation> systemLocations() {
        return all(ResourceNames.SYSTEM_LOCATION, SystemLocation::of);
    }

    /** The pre-warm schedules of overflow locations. */
    public List<BurstingSchedule> burstingSchedules() {
        return all(ResourceNames.BURSTING_SCHEDULE, BurstingSchedule::of);
    }

    /** The platform-wide settings (the store is created with them). */
    public GlobalSettings globalSettings() {
        return one(ResourceNames.GLOBAL, 1, GlobalSettings::of).orElseThrow(() -> new IllegalStateException(
                "The store holds no global settings"));
    }

    /** The guardrail and circuit breaker of bursting, from the global settings. */
    public BurstingLimits burstingLimits() {
        return one(ResourceNames.GLOBAL, 1, BurstingLimits::of).orElseThrow(() -> new IllegalStateException(
                "The store holds no global settings"));
    }

    /** The options of bursting that plan ahead, from the global settings. */
    public BurstingPlanning burstingPlanning() {
        return one(ResourceNames.GLOBAL, 1, BurstingPlanning::of).orElseThrow(() -> new IllegalStateException(
                "The store holds no global settings"));
    }

    /** The AWS secret access key of the global settings, still sealed, if one is set. */
    public Optional<String> sealedAwsSecretKey() {
        return one(ResourceNames.GLOBAL, 1, GlobalSettings::sealedAwsSecretKey).flatMap(key -> key);
    }

    /** The token that may read {@code /metrics}, still sealed, if one is set. */
    public Optional<String> sealedMetricsScrapeToken() {
        return one(ResourceNames.GLOBAL, 1, GlobalSettings::sealedMetricsScrapeToken).flatMap(token -> token);
    }

    /** The tag value that marks this platform's overflow instances: the Management Node's host name, or unknown. */
    public String burstingTagValue() {
        return Catalog.burstingTagValue(view);
    }

    public List<Conference> conferences() {
        return all(ResourceNames.CONFERENCE, Conference::of);
    }

    public List<ConferenceAlias> conferenceAliases() {
        return all(ResourceNames.CONFERENCE_ALIAS, ConferenceAlias::of);
    }

    public List<Licence> licences() {
        return all(ResourceNames.LICENCE, Licence::of);
    }

    public Optional<TlsCertificate> tlsCertificate(long id) {
        return one(ResourceNames.TLS_CERTIFICATE, id, TlsCertificate::of);
    }

    /** The static routes with these ids, in the order given (ids of deleted routes are skipped). */
    public List<StaticRoute> staticRoutes(List<Long> ids) {
        return some(ResourceNames.STATIC_ROUTE, ids, StaticRoute::of);
    }

    /** The DNS servers with these ids, in the order given. */
    public List<Server> dnsServers(List<Long> ids) {
        return some(ResourceNames.DNS_SERVER, ids, Server::of);
    }

    /** The NTP servers with these ids, in the order given. */
    public List<Server> ntpServers(List<Long> ids) {
        return some(ResourceNames.NTP_SERVER, ids, Server::of);
    }

    private <T> Optional<T> one(String resource, long id, Function<StoredRow, T> factory) {
        ResourceSpec spec = catalog.configuration(resource);
        return view.find(spec.table(), id).map(row -> factory.apply(Renderer.storedRows(spec, List.of(row), view)
                .get(0)));
    }

    private <T> List<T> all(String resource, Function<StoredRow, T> factory) {
        ResourceSpec spec = catalog.configuration(resource);
        List<Map<String, Object>> rows = view.dao().select(spec.table(), "", "id", Map.of(), -1, 0);
        return Renderer.storedRows(spec, rows, view).stream().map(factory).toList();
    }

    private <T> List<T> some(String resource, List<Long> ids, Function<StoredRow, T> factory) {
        return ids.stream().map(id -> one(resource, id, factory)).flatMap(Optional::stream).toList();
    }
}
