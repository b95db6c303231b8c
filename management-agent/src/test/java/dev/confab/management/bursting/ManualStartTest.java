package dev.confab.management.bursting;

import dev.confab.management.bursting.ManualStartOutcome.Accepted;
import dev.confab.management.bursting.ManualStartOutcome.Refused;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static dev.confab.management.bursting.StartRuleTest.minutes;
import static dev.confab.management.bursting.StartRuleTest.overflowOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An administrator's start of one overflow node, as the policy accepts or refuses it. */
class ManualStartTest {

    private static final String ACCEPTED = "START i-overflow-1a: started by administrator";

    static Stream<Arguments> cases() {
        return Stream.of(
                manual("a stopped overflow node is started", fleet(), "i-overflow-1a", ACCEPTED),
                manual("with bursting disabled too", fleet().settings(settings -> settings.withEnabled(false)),
                        "i-overflow-1a", ACCEPTED),
                manual("while the circuit breaker is open too", fleet()
                                .error(minutes(3), "StartInstances", null, "UnauthorizedOperation")
                                .error(minutes(2), "StartInstances", null, "UnauthorizedOperation")
                                .error(minutes(1), "StartInstances", null, "UnauthorizedOperation"),
                        "i-overflow-1a", ACCEPTED),
                manual("a node in maintenance mode too", fleet().maintenance("overflow-1a"), "i-overflow-1a", ACCEPTED),
                manual("an instance of no overflow node is refused", fleet(), "i-0123456789abcdef0",
                        "UNKNOWN_INSTANCE: No overflow node has EC2 instance i-0123456789abcdef0: give the instance id"
                                + " of a Conferencing Node in an overflow location, as Status › Cloud Bursting lists"
                                + " them"),
                manual("an instance matched to an always-on node is refused", fleet()
                                .location("Backup").alwaysOn("backup-1", "Backup", 10).withInstance("backup-1"),
                        "i-backup-1",
                        "UNKNOWN_INSTANCE: No overflow node has EC2 instance i-backup-1: give the instance id of a"
                                + " Conferencing Node in an overflow location, as Status › Cloud Bursting lists them"),
                manual("a running node is refused",
                        overflowOne(10).running("overflow-1a", "Overflow-1", minutes(20), 3), "i-overflow-1a",
                        "NOT_STOPPED: overflow-1a (i-overflow-1a) is already running"),
                manual("a starting node is refused",
                        overflowOne(10).starting("overflow-1a", "Overflow-1", minutes(1)), "i-overflow-1a",
                        "NOT_STOPPED: overflow-1a (i-overflow-1a) is already starting"),
                manual("a stopping node is refused", fleet().instance("overflow-1a", instance -> new CloudInstance(
                                instance.instanceId(), instance.nodeId(), InstanceState.STOPPING,
                                instance.launchedAt(), instance.startRequestedAt(), instance.stopRequestedAt())),
                        "i-overflow-1a",
                        "NOT_STOPPED: overflow-1a (i-overflow-1a) is stopping; start it again once it has stopped"),
                manual("the guardrail's maximum reached is refused", fleet()
                                .settings(settings -> settings.withMaxOverflowNodes(1))
                                .running("overflow-1b", "Overflow-1", Duration.ofHours(1), 4),
                        "i-overflow-1a",
                        "GUARDRAIL: Not started: 1 overflow node is running or starting, the most the guardrail"
                                + " allows (1); stop one or raise the maximum first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptsOrRefusesTheStart(Fleet fleet, String instanceId, String outcome) {
        ManualStartOutcome answer = BurstingPolicy.startByAdministrator(fleet.input(), instanceId);

        String written = answer instanceof Accepted accepted ? accepted.action().toString()
                : ((Refused) answer).refusal() + ": " + ((Refused) answer).message();
        assertEquals(outcome, written);
    }

    private static Fleet fleet() {
        return overflowOne(10).stopped("overflow-1a", "Overflow-1");
    }

    private static Arguments manual(String name, Fleet fleet, String instanceId, String outcome) {
        return Arguments.of(Named.of(name, fleet), instanceId, outcome);
    }
}
