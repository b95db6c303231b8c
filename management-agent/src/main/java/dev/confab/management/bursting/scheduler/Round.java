package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.cloud.CloudInstance;
import dev.confab.management.cloud.Matching;
import dev.confab.management.resource.catalog.WorkerVm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's view of the platform: the policy's input, and what the scheduler needs besides to act
 * and to report (the EC2 instances as described, their pairing with nodes, each node's capacity).
 * Immutable.
 *
 * @param instances      every tagged instance EC2 described, paired or not; empty before a first description
 * @param matching       the pairing of those instances with nodes, when EC2 has been described
 * @param capacityTokens media tokens each node hosts when empty, as the input counts them
 */
record Round(BurstingInput input, PlatformView view, List<CloudInstance> instances, Optional<Matching> matching,
             Map<Long, Integer> capacityTokens) {

    Round {
        instances = List.copyOf(instances);
        capacityTokens = Map.copyOf(capacityTokens);
    }

    Optional<WorkerVm> node(long id) {
        return view.nodes().stream().filter(node -> node.id() == id).findFirst();
    }

    Optional<Matching.Match> match(String instanceId) {
        return matching.flatMap(found -> found.matches().stream()
                .filter(match -> match.instance().instanceId().equals(instanceId)).findFirst());
    }
}
