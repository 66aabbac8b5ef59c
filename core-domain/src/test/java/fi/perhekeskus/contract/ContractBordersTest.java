package fi.perhekeskus.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared kernel stays framework-free: integrators and every service can depend on it. */
class ContractBordersTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.perhekeskus");

    @Test
    void coreDomainUsesNoSpringNoAxonAndNoPersistence() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.axonframework..", "jakarta.persistence..",
                        "com.mongodb..", "org.bson..", "java.sql..", "javax.sql..", "org.apache.kafka..")
                .check(core);
    }

    /** The same border infra's PlatformBorders keeps (infra depends on this module, not the other way). */
    @Test
    void coreDomainKnowsNoServiceAndNoInfra() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("fi.perhekeskus.infra..",
                        "fi.perhekeskus.referral..", "fi.perhekeskus.meeting..", "fi.perhekeskus.reporting..")
                .check(core);
    }

    @Test
    void publicEventsAreImmutableRecords() {
        classes().that().areAnnotatedWith(EventType.class).should().beRecords().check(core);
    }

    /** The catalog lists the events; an event names its domain from Domains, so no event needs the catalog. */
    @Test
    void eventsDoNotDependOnTheirCatalog() {
        noClasses().that().areAnnotatedWith(EventType.class)
                .should().dependOnClassesThat().haveFullyQualifiedName(EventCatalog.class.getName())
                .check(core);
    }

    @Test
    void contractDoesNotDependOnDomainRules() {
        noClasses().that().resideInAPackage("fi.perhekeskus.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("fi.perhekeskus.domain..", "fi.perhekeskus.privacy..")
                .check(core);
    }
}
