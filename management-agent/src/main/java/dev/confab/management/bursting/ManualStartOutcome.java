package dev.confab.management.bursting;

import java.util.Objects;

/** The policy's answer to an administrator's request to start one overflow node. */
public sealed interface ManualStartOutcome permits ManualStartOutcome.Accepted, ManualStartOutcome.Refused {

    /** Why a manual start is refused. */
    enum Refusal {
        /** No overflow node has that EC2 instance. */
        UNKNOWN_INSTANCE,
        /** The instance is stopping, starting or running already. */
        NOT_STOPPED,
        /** The guardrail's maximum of overflow nodes running or starting is reached. */
        GUARDRAIL
    }

    /** Start it: {@code action} is a {@link BurstingAction.Kind#START} with reason "started by administrator". */
    record Accepted(BurstingAction action) implements ManualStartOutcome {
        public Accepted {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Do not start it; {@code message} tells the administrator why and what to do. */
    record Refused(Refusal refusal, String message) implements ManualStartOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(message, "message");
        }
    }
}
