package dev.confab.management.bursting.simulation;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.confab.management.bursting.BurstingDecision;
import dev.confab.management.bursting.BurstingInput;
import dev.confab.management.bursting.BurstingPolicy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The simulator runs the Management Node's own policy, not a copy: it asks {@link BurstingPolicy#decide},
 * no class of it makes a {@link BurstingDecision} of its own, and like the policy it is pure (no
 * file, network, store, clock or AWS SDK) so that a replay is deterministic.
 */
@AnalyzeClasses(packages = "dev.confab.management", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulationPolicyTest {

    @ArchTest
    static final ArchRule replayAsksTheManagementNodesPolicy = classes()
            .that().haveFullyQualifiedName(Replay.class.getName())
            .should().callMethod(BurstingPolicy.class, "decide", BurstingInput.class)
            .because("the simulator must replay the very policy the Management Node runs");

    @ArchTest
    static final ArchRule onlyThePolicyDecides = noClasses()
            .that().resideOutsideOfPackage("dev.confab.management.bursting")
            .should().callConstructor(BurstingDecision.class, java.util.List.class, java.util.List.class,
                    java.util.List.class, java.util.List.class)
            .because("a decision comes from BurstingPolicy alone, in the simulator as on the Management Node");

    @ArchTest
    static final ArchRule simulationIsPure = classes()
            .that().resideInAPackage("dev.confab.management.bursting.simulation")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang", "java.lang.runtime", "java.util",
                    "java.util.function", "java.util.stream", "java.util.concurrent", "java.time",
                    "java.time.temporal", "java.time.format", "dev.confab.shared.capacity", "dev.confab.management.bursting",
                    "dev.confab.management.bursting.simulation")
            .because("a replay is a pure, deterministic computation; reading files and the API is the command's");
}
