package dev.confab.management.bursting.scheduler;

import dev.confab.management.bursting.ManualStartOutcome;

/** What came of an administrator's request to start an overflow node. */
public sealed interface ManualStartReply {

    /** EC2 accepted the start: the instance is {@code state} (pending). */
    record Started(String instanceId, long nodeId, String nodeName, String state) implements ManualStartReply {
    }

    /** The policy refused it (unknown instance, not stopped, guardrail); {@code message} says what to do. */
    record Refused(ManualStartOutcome.Refusal refusal, String message) implements ManualStartReply {
    }

    /** EC2 could not be described or asked, or refused the start; {@code message} says why. */
    record Failed(String code, String message) implements ManualStartReply {
    }
}
