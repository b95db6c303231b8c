package dev.confab.management.bursting;

import dev.confab.management.bursting.ManualStartOutcome.Accepted;
import dev.confab.management.bursting.ManualStartOutcome.Refusal;
import dev.confab.management.bursting.ManualStartOutcome.Refused;

import java.util.Optional;

/**
 * An administrator's start of one overflow node: allowed for any stopped overflow node, in
 * maintenance or not, with bursting on or off and while the circuit breaker is open (one deliberate
 * request, whose error the administrator sees at once); refused beyond the guardrail.
 */
final class ManualStart {

    static final String REASON = "started by administrator";

    private ManualStart() {
    }

    static ManualStartOutcome check(Platform platform, String instanceId) {
        Optional<OverflowNode> found = platform.overflowNode(instanceId);
        if (found.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_INSTANCE, "No overflow node has EC2 instance " + instanceId
                    + ": give the instance id of a Conferencing Node in an overflow location, as Status › Cloud"
                    + " Bursting lists them");
        }
        OverflowNode node = found.get();
        Optional<String> busy = switch (node.phase()) {
            case STOPPED -> Optional.empty();
            case STOPPING -> Optional.of("is stopping; start it again once it has stopped");
            case STARTING -> Optional.of("is already starting");
            default -> Optional.of("is already running");
        };
        if (busy.isPresent()) {
            return new Refused(Refusal.NOT_STOPPED, node.label() + " " + busy.get());
        }
        int running = platform.runningOrStarting();
        int most = platform.settings().maxOverflowNodes();
        if (running >= most) {
            return new Refused(Refusal.GUARDRAIL, "Not started: " + Texts.runningOrStarting(running) + ", the most"
                    + " the guardrail allows (" + most + "); stop one or raise the maximum first");
        }
        return new Accepted(BurstingAction.start(node, REASON));
    }
}
