package fi.perhekeskus.infra.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The borders of the platform, checked by every module on its own classes:
 * {@code @AnalyzeClasses(packages = "fi.perhekeskus.<module>") class ... { @ArchTest ArchTests borders =
 * ArchTests.in(PlatformBorders.class); }}. Each rule speaks of packages or annotations, not of a module,
 * so a rule about classes a module does not have passes there (allowed empty).
 */
public final class PlatformBorders {

    /** The root packages of the services. */
    public static final List<String> SERVICES = List.of("fi.perhekeskus.referral", "fi.perhekeskus.meeting",
            "fi.perhekeskus.reporting");

    /** core-domain: the public contract, the domain's exceptions and the sealing types. */
    public static final String[] CORE_DOMAIN = {"fi.perhekeskus.contract..", "fi.perhekeskus.domain..",
            "fi.perhekeskus.privacy.."};

    /** What every service shares: core-domain, infra and the broker launcher. */
    public static final String[] SHARED = {"fi.perhekeskus.contract..", "fi.perhekeskus.domain..",
            "fi.perhekeskus.privacy..", "fi.perhekeskus.infra..", "fi.perhekeskus.kafka.."};

    private static final String[] PERSISTENCE = {"jakarta.persistence..", "javax.persistence..", "java.sql..",
            "javax.sql..", "org.springframework.jdbc..", "org.springframework.data..", "com.mongodb..", "org.bson.."};

    /**
     * The stores themselves. A controller may hold a read value ({@code org.bson.Document} a view
     * answered with), not the client, database or collection it came from.
     */
    private static final String[] STORES = {"jakarta.persistence..", "javax.persistence..", "java.sql..",
            "javax.sql..", "org.springframework.jdbc..", "org.springframework.data.mongodb..", "com.mongodb.."};

    /** A service talks to another only through the public topics and HTTP, never through its classes. */
    @ArchTest
    public static final ArchRule servicesImportNoOtherService = CompositeArchRule.of(SERVICES.stream()
                    .map(PlatformBorders::importsNoOtherService).toList())
            .as("no service imports another service's packages");

    /** Shared code knows no service: every service, and integrators, can depend on it. */
    @ArchTest
    public static final ArchRule sharedCodeImportsNoService = noClasses().that().resideInAnyPackage(SHARED)
            .should().dependOnClassesThat().resideInAnyPackage(packagesOf(SERVICES))
            .as("infra and core-domain import no service")
            .allowEmptyShould(true);

    /**
     * core-domain uses no Spring, no Axon and no persistence. It uses no Axon at all today: its
     * {@code @EventType} is its own annotation, and infra maps it onto Axon's serializer.
     */
    @ArchTest
    public static final ArchRule coreDomainIsFrameworkFree = noClasses().that().resideInAnyPackage(CORE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(concat(PERSISTENCE,
                    "org.springframework..", "org.axonframework..", "org.apache.kafka.."))
            .as("core-domain uses no Spring, no Axon and no persistence")
            .allowEmptyShould(true);

    /**
     * Controllers are thin: they write through the command gateway and read through readers, never
     * straight from a store, the event store, a repository or an aggregate.
     */
    @ArchTest
    public static final ArchRule controllersUseGatewayAndReaders = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().dependOnClassesThat(storesOrAggregates())
            .as("controllers reach the write side only through the command gateway and the read side only "
                    + "through readers")
            .allowEmptyShould(true);

    /** Aggregates decide from their own state and what their command handlers are given: no I/O, no Spring. */
    @ArchTest
    public static final ArchRule aggregatesDoNoIo = noClasses().that(aggregates())
            .should().dependOnClassesThat().resideInAnyPackage(concat(PERSISTENCE,
                    "org.springframework..", "java.io..", "java.net..", "java.nio.file..", "java.net.http..",
                    "org.apache.kafka..", "org.axonframework.extensions.."))
            .as("aggregates use no Spring and no I/O")
            .allowEmptyShould(true);

    /** Packages by feature: a service's features depend on each other one way only. */
    @ArchTest
    public static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("fi.perhekeskus.(*).(*)..").namingSlices("$1 feature $2")
            .should().beFreeOfCycles()
            // The one cycle today: the local launcher's main also starts the benchmark and the chaos run.
            // Both leave infra for modules of their own, which ends it.
            .ignoreDependency(resideInAPackage("fi.perhekeskus.infra.local.."),
                    resideInAPackage("fi.perhekeskus.infra.bench.."))
            .as("the feature packages of a module have no cycles")
            .allowEmptyShould(true);

    private PlatformBorders() {
    }

    private static ArchRule importsNoOtherService(String service) {
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(SERVICES.stream()
                        .filter(other -> !other.equals(service)).toList()))
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> aggregates() {
        return describe("aggregates", type -> type.isAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                || type.isAnnotatedWith("org.axonframework.modelling.command.AggregateRoot"));
    }

    private static DescribedPredicate<JavaClass> storesOrAggregates() {
        DescribedPredicate<JavaClass> stores = assignableTo("org.axonframework.modelling.command.Repository")
                .or(assignableTo("org.axonframework.eventsourcing.eventstore.EventStore"))
                .or(assignableTo("org.axonframework.commandhandling.CommandBus"))
                .or(resideInAnyPackage(STORES))
                .or(resideInAnyPackage("org.axonframework.messaging.unitofwork.."));
        return describe("a store, the event store, a repository or an aggregate",
                type -> stores.test(type) || aggregates().test(type));
    }

    private static String[] packagesOf(List<String> roots) {
        return roots.stream().map(root -> root + "..").toArray(String[]::new);
    }

    private static String[] concat(String[] packages, String... more) {
        String[] all = new String[packages.length + more.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
