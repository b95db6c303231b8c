package dev.confab.management.bursting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The bursting policy is a pure function: the classes of {@code management.bursting} itself use
 * the JDK's language, collections and time, the capacity arithmetic of {@code shared}, and each
 * other — no AWS SDK, store, HTTP, file, clock or thread. What performs its actions lives elsewhere.
 */
@AnalyzeClasses(packages = "dev.confab.management.bursting", importOptions = ImportOption.DoNotIncludeTests.class)
class PolicyPurityTest {

    @ArchTest
    static final ArchRule policyDependsOnNothingWithEffects = classes()
            .that().resideInAPackage("dev.confab.management.bursting")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang", "java.lang.runtime", "java.util",
                    "java.util.function", "java.util.stream", "java.time", "java.time.temporal",
                    "dev.confab.shared.capacity", "dev.confab.management.bursting")
            .because("the policy is a pure function of its input, run alike by the Management Node and the replay"
                    + " simulator (STYLE.md point 5)");
}
