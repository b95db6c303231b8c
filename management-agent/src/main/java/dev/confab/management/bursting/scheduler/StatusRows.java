package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.LocationStatus;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.management.cloud.CloudInstance;
import dev.confab.management.cloud.CloudInstanceState;
import dev.confab.management.cloud.Matching;
import dev.confab.management.resource.catalog.SystemLocation;
import dev.confab.management.resource.catalog.WorkerVm;
import dev.confab.management.store.CloudStatusRows;
import dev.confab.management.store.Times;
import dev.confab.shared.capacity.CallType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rows of the {@code cloud_*} status tables for one run. Pure. */
final class StatusRows {

    /** What the run knows besides its round and decision. */
    record Facts(Instant runAt, Optional<Instant> describedAt, String describeError, Optional<Instant> breakerUntil,
                 String lastActions) {
    }

    private StatusRows() {
    }

    static CloudStatusRows of(Round round, BurstingDecision decision, Facts facts) {
        BurstingInput input = round.input();
        Map<Long, NodeLoad> loads = input.loads().stream().collect(Collectors.toMap(NodeLoad::nodeId,
                Function.identity()));
        Map<Long, String> locationNames = round.view().locations().stream().collect(Collectors.toMap(
                SystemLocation::id, SystemLocation::name));
        long runningOrStarting = round.instances().stream().filter(instance -> round.match(instance.instanceId())
                .isPresent() && (instance.state() == CloudInstanceState.PENDING
                || instance.state() == CloudInstanceState.RUNNING)).count();
        CloudStatusRows.Summary summary = new CloudStatusRows.Summary(input.settings().enabled(),
                Times.format(facts.runAt()), facts.describedAt().map(Times::format).orElse(null),
                facts.describeError(), facts.breakerUntil().isPresent() ? "open" : "closed",
                facts.breakerUntil().map(Times::format).orElse(null), (int) runningOrStarting,
                input.settings().maxOverflowNodes(), input.settings().minLifetime().toSeconds(), facts.lastActions());
        List<CloudStatusRows.Node> nodes = new ArrayList<>();
        for (CloudInstance instance : round.instances()) {
            if (instance.state() == CloudInstanceState.TERMINATED) {
                continue;
            }
            Optional<WorkerVm> node = round.match(instance.instanceId()).map(Matching.Match::node);
            nodes.add(node(instance, node, loads, round, locationNames));
        }
        List<CloudStatusRows.Location> monitored = decision.monitored().stream()
                .map(status -> location(status, round, loads, locationNames)).toList();
        List<CloudStatusRows.Location> overflow = decision.overflow().stream()
                .map(status -> location(status, round, loads, locationNames)).toList();
        return new CloudStatusRows(summary, nodes, monitored, overflow, notes(round, decision));
    }

    private static CloudStatusRows.Node node(CloudInstance instance, Optional<WorkerVm> node, Map<Long, NodeLoad> loads,
                                             Round round, Map<Long, String> locationNames) {
        Optional<dev.confab.management.bursting.CloudInstance> known = round.input().instances().stream()
                .filter(candidate -> candidate.instanceId().equals(instance.instanceId())).findFirst();
        Optional<NodeLoad> load = node.map(found -> loads.get(found.id()));
        int capacity = node.map(found -> round.capacityTokens().getOrDefault(found.id(), 0)).orElse(0);
        int used = load.map(NodeLoad::tokensInUse).orElse(0);
        String loadStatus = node.isEmpty() || load.isEmpty() ? "unknown"
                : load.get().freshAt(round.input().now(), round.input().settings().staleAfter()) ? "reporting" : "stale";
        return new CloudStatusRows.Node(instance.instanceId(), instance.name().orElse(""), instance.state().ec2Name(),
                instance.privateIp().orElse(""), instance.publicIp().orElse(""), instance.instanceType(),
                instance.launchTime().map(Times::format).orElse(null),
                known.flatMap(dev.confab.management.bursting.CloudInstance::startedAt).map(Times::format).orElse(null),
                loadStatus, capacity / CallType.TOKENS_PER_HD,
                load.map(found -> found.freeHdCalls(capacity)).orElse(0), percent(used, capacity),
                node.map(WorkerVm::id).orElse(null), node.map(WorkerVm::name).orElse(""),
                node.map(found -> locationNames.getOrDefault(found.systemLocation(), "")).orElse(""));
    }

    private static CloudStatusRows.Location location(LocationStatus status, Round round, Map<Long, NodeLoad> loads,
                                                     Map<Long, String> locationNames) {
        int used = 0;
        int capacity = 0;
        for (WorkerVm node : round.view().nodes()) {
            NodeLoad load = loads.get(node.id());
            if (node.systemLocation() == status.locationId() && load != null
                    && load.freshAt(round.input().now(), round.input().settings().staleAfter())) {
                used += load.tokensInUse();
                capacity += round.capacityTokens().getOrDefault(node.id(), 0);
            }
        }
        String overflow = round.view().locations().stream().filter(location -> location.id() == status.locationId())
                .findFirst().flatMap(SystemLocation::overflowLocation1).map(locationNames::get).orElse("");
        return new CloudStatusRows.Location(status.locationId(), status.name(), status.freeHdCalls(),
                status.maxHdCalls(), status.startingHdCalls(), percent(used, capacity), overflow, status.threshold(),
                status.state().label(), status.effectiveThreshold(), wholeMinutes(status.minutesToExhaustion()));
    }

    /** Whole minutes, rounded down (full sooner rather than later); null when no call arrives. */
    static Integer wholeMinutes(OptionalDouble minutes) {
        return minutes.isPresent() ? (int) Math.min(Integer.MAX_VALUE, Math.floor(minutes.getAsDouble())) : null;
    }

    private static List<CloudStatusRows.Note> notes(Round round, BurstingDecision decision) {
        List<CloudStatusRows.Note> notes = new ArrayList<>();
        decision.notes().forEach(note -> notes.add(new CloudStatusRows.Note("platform", "", "", null, note)));
        Set<List<String>> seen = new LinkedHashSet<>();
        List<LocationStatus> locations = new ArrayList<>(decision.monitored());
        locations.addAll(decision.overflow());
        for (LocationStatus status : locations) {
            for (String note : status.notes()) {
                if (seen.add(List.of(status.name(), note))) {
                    notes.add(new CloudStatusRows.Note("location", status.name(), "", null, note));
                }
            }
        }
        round.matching().ifPresent(matching -> matching.findings().forEach(finding -> notes.add(
                new CloudStatusRows.Note(finding.kind().name().toLowerCase(Locale.ROOT), "",
                        finding.instanceId().orElse(""), finding.nodeId().orElse(null), finding.message()))));
        return notes;
    }

    private static int percent(int used, int capacity) {
        return capacity == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * used / capacity));
    }
}
