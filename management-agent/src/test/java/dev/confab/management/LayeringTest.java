package dev.confab.management;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The Management Node's package layering, as docs/architecture.md states it: the API and the web
 * interface sit on the write pipeline ({@code resource.engine}), which sits on the store; the
 * specs and records of the catalog know neither the pipeline nor Jdbi; nothing but the agent
 * itself reaches into the web interface or the API.
 */
@AnalyzeClasses(packages = "dev.confab.management", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String ROOT = "dev.confab.management";
    private static final String WEB = ROOT + ".web..";
    private static final String API = ROOT + ".api..";
    private static final String ENGINE = ROOT + ".resource.engine..";
    private static final String STORE = ROOT + ".store..";
    private static final String[] SERVICES = {ROOT + ".provisioning..", ROOT + ".channel..", ROOT + ".health..",
            ROOT + ".replication..", ROOT + ".calls..", ROOT + ".ipsec..", ROOT + ".http..", ROOT + ".install..",
            ROOT + ".cli..", ROOT + ".cloud..", ROOT + ".bursting.scheduler..", ROOT + ".metrics.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Agent").definedBy(ROOT)
            .layer("Web").definedBy(WEB)
            .layer("Api").definedBy(API)
            .layer("Services").definedBy(SERVICES)
            .layer("Engine").definedBy(ENGINE)
            .layer("Model").definedBy(ROOT + ".resource", ROOT + ".resource.catalog..")
            .layer("AdminLog").definedBy(ROOT + ".adminlog..")
            .layer("Store").definedBy(STORE)
            .whereLayer("Web").mayOnlyBeAccessedByLayers("Agent")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Agent", "Web", "Services")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Agent", "Web", "Api", "Services")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Agent", "Web", "Api", "Services")
            .whereLayer("AdminLog").mayOnlyBeAccessedByLayers("Agent", "Web", "Api", "Services", "Engine")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Agent", "Web", "Api", "Services", "Engine")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Agent", "Api", "Services", "Engine", "Model",
                    "AdminLog");

    @ArchTest
    static final ArchRule storeKnowsNoLayerAboveIt = noClasses().that().resideInAPackage(STORE)
            .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".resource..", ROOT + ".adminlog..", API, WEB)
                    .or(resideInAnyPackage(SERVICES)))
            .because("the store holds typed DAOs, migrations and the revision log, and nothing that uses them");

    @ArchTest
    static final ArchRule engineKnowsNeitherApiNorWeb = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat(resideInAnyPackage(API, WEB).or(resideInAnyPackage(SERVICES)))
            .because("the write pipeline serves the API, the web interface and the services alike");

    @ArchTest
    static final ArchRule specsAndRecordsKnowNoEngine = noClasses()
            .that().resideInAnyPackage(ROOT + ".resource", ROOT + ".resource.catalog..")
            .should().dependOnClassesThat(resideInAPackage(ENGINE))
            .because("the engine runs the specs and makes the records, not the other way round");

    @ArchTest
    static final ArchRule recordsImportNoJdbi = noClasses().that().resideInAPackage(ROOT + ".resource.catalog..")
            .should().dependOnClassesThat(resideInAPackage("org.jdbi.."))
            .because("the catalog's records are made from the engine's stored rows, not from the database");

    @ArchTest
    static final ArchRule onlyTheAgentReachesTheWeb = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".web..").and().doNotHaveFullyQualifiedName(
                    ROOT + ".ManagementAgent")
            .should().dependOnClassesThat(resideInAPackage(WEB))
            .because("the administrator interface is wired by ManagementAgent and used by nothing else");

    @ArchTest
    static final ArchRule onlyTheAgentTheWebAndTheChannelReachTheApi = noClasses()
            .that().resideOutsideOfPackages(API, WEB, ROOT + ".channel..").and().doNotHaveFullyQualifiedName(
                    ROOT + ".ManagementAgent")
            .should().dependOnClassesThat(resideInAPackage(API))
            .because("the web interface shares the API's port, authentication and error answers, and the node"
                    + " channel its error answers; nothing else uses the API");
}
