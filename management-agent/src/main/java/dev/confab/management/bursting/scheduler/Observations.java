package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.CloudInstance;
import dev.confab.management.bursting.InstanceState;
import dev.confab.management.bursting.NodeLoad;
import dev.confab.management.cloud.Matching;
import dev.confab.management.cloud.StaticNatAddress;
import dev.confab.management.resource.engine.ConfigurationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * What a run sees happen to overflow nodes since it asked: a started node's first load report
 * (a {@code running} event), an instance EC2 describes as stopped after a stop or while it ran (a
 * {@code stopped} event), and a running instance's public address, which becomes its node's static
 * NAT address. Used on the scheduler's one thread.
 */
final class Observations {

    private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

    private final ConfigurationService configuration;
    private final NodeHistory history;
    private final Ec2Memory memory;

    Observations(ConfigurationService configuration, NodeHistory history, Ec2Memory memory) {
        this.configuration = configuration;
        this.history = history;
        this.memory = memory;
    }

    /**
     * @param describedAt when EC2 described the instances the round holds
     * @return whether a started node reported its load for the first time (a start was measured)
     */
    boolean observe(Round round, Optional<Instant> describedAt) {
        boolean measured = false;
        for (CloudInstance instance : round.input().instances()) {
            Optional<Matching.Match> match = round.match(instance.instanceId());
            if (match.isEmpty()) {
                continue;
            }
            String last = memory.lastEvent(instance.instanceId()).orElse("");
            Optional<NodeLoad> load = round.input().loads().stream()
                    .filter(candidate -> candidate.nodeId() == instance.nodeId()).findFirst();
            Instant now = round.input().now();
            if (last.equals(Ec2Memory.START) && instance.startRequestedAt().isPresent() && load.isPresent()
                    && !load.get().reportedAt().isBefore(instance.startRequestedAt().get())) {
                history.append(now, Ec2Memory.RUNNING, "running", NodeHistory.Cause.BURSTING, "the node reported its"
                        + " load for the first time since its start", match.get().node(), instance.instanceId(), "");
                memory.event(instance.instanceId(), Ec2Memory.RUNNING);
                measured = true;
            } else if (stoppedSince(instance, last, describedAt)) {
                history.append(now, Ec2Memory.STOPPED, "stopped", NodeHistory.Cause.BURSTING,
                        last.equals(Ec2Memory.STOP) ? "EC2 describes the instance as stopped"
                                : "EC2 describes the instance as stopped, though Confab did not ask for it",
                        match.get().node(), instance.instanceId(), "");
                memory.event(instance.instanceId(), Ec2Memory.STOPPED);
            }
            if (instance.state() == InstanceState.RUNNING) {
                updateStaticNat(match.get());
            }
        }
        return measured;
    }

    /** Whether EC2 described it stopped after it was asked to stop, or after its last start. */
    private static boolean stoppedSince(CloudInstance instance, String last, Optional<Instant> describedAt) {
        if (instance.state() != InstanceState.STOPPED || describedAt.isEmpty()) {
            return false;
        }
        Optional<Instant> asked = last.equals(Ec2Memory.STOP) ? instance.stopRequestedAt()
                : last.equals(Ec2Memory.RUNNING) ? instance.startRequestedAt() : Optional.empty();
        return asked.isPresent() && describedAt.get().isAfter(asked.get());
    }

    private void updateStaticNat(Matching.Match match) {
        try {
            StaticNatAddress.update(configuration, match);
        } catch (RuntimeException e) {
            LOG.warn("Cloud bursting: could not set the static NAT address of {} to {}: {}", match.node().name(),
                    match.instance().publicIp().orElse(""), e.getMessage());
        }
    }
}
