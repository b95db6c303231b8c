package dev.confab.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each confined library is used by one package of what ships, the classes of every module the launcher
 * runs: JAXB by {@code shared.nodeconfig}, BouncyCastle by {@code shared.pki}, the AWS SDK by
 * {@code management.cloud}. The build's enforcer rules keep every other module from declaring them;
 * this keeps the classes of those modules from using them through the modules that do.
 */
class LibraryConfinementTest {

    static JavaClasses shipped;

    @BeforeAll
    static void importWhatShips() {
        shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.confab");
    }

    @Test
    void looksAtTheClassesOfEveryModuleThatShips() {
        for (String module : List.of("shared", "management", "conferencing", "installer", "launcher")) {
            assertTrue(shipped.containPackage("dev.confab." + module), "classes of dev.confab." + module);
        }
    }

    @Test
    void onlyTheNodeConfigurationUsesJaxb() {
        noClasses().that().resideOutsideOfPackage("dev.confab.shared.nodeconfig..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.xml.bind..", "org.glassfish.jaxb..")
                .check(shipped);
    }

    @Test
    void onlyThePkiUsesBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("dev.confab.shared.pki..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(shipped);
    }

    @Test
    void onlyTheManagementNodesCloudAdapterUsesTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("dev.confab.management.cloud..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(shipped);
    }
}
