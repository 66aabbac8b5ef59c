package fi.perhekeskus.infra.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform's names, checked like its borders ({@code ArchTests.in(PlatformNames.class)}): a name
 * tells what a class is, so that a newcomer knows from it what a change may touch.
 */
public final class PlatformNames {

    /** What a member of a processing group may be: each suffix says what it writes and when. */
    public static final List<String> HANDLER_SUFFIXES = List.of(
            "Projection", // a read model, rebuilt from its events
            "Policy",     // turns events into commands
            "Index",      // a table written in the same transaction as the event, for command-side lookups
            "Recorder",   // writes the access log from events
            "Notifier");  // turns events into messages in a notification outbox

    /**
     * "View" meant both a Mongo projection and an answer's body. A projection is {@code *Projection};
     * what a controller answers is a {@code *Summary}, {@code *Response} or {@code *Page}.
     */
    @ArchTest
    public static final ArchRule noViews = noClasses().that().resideInAPackage("fi.perhekeskus..")
            .should().haveSimpleNameEndingWith("View")
            .as("no class is named *View: projections are *Projection, answers *Summary or *Response")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule eventHandlersSayWhatTheyAre = classes()
            .that().areAnnotatedWith("org.axonframework.config.ProcessingGroup")
            .should(haveOneOf(HANDLER_SUFFIXES))
            .as("the members of a processing group are named *" + String.join(", *", HANDLER_SUFFIXES))
            .allowEmptyShould(true);

    /** One style of command: a record of its own, named for what it asks (MakeReferral, EnrolFamily). */
    @ArchTest
    public static final ArchRule commandsAreTopLevelRecords = codeUnits()
            .that().areAnnotatedWith("org.axonframework.commandhandling.CommandHandler")
            .should(takeATopLevelRecord())
            .as("a command is a top-level record")
            .allowEmptyShould(true);

    /** The event contract: records, which name their domain and never the catalog that lists them. */
    @ArchTest
    public static final ArchRule eventsAreRecordsFreeOfTheCatalog = classes()
            .that().areAnnotatedWith("fi.perhekeskus.contract.EventType")
            .should().beRecords()
            .andShould().onlyDependOnClassesThat(notTheCatalog())
            .as("public events are records and do not depend on EventCatalog")
            .allowEmptyShould(true);

    private PlatformNames() {
    }

    private static ArchCondition<JavaClass> haveOneOf(List<String> suffixes) {
        return new ArchCondition<>("have a name ending with one of " + suffixes) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean named = suffixes.stream().anyMatch(type.getSimpleName()::endsWith);
                events.add(new SimpleConditionEvent(type, named, type.getName() + " is a processing group member named "
                        + type.getSimpleName()));
            }
        };
    }

    private static ArchCondition<JavaCodeUnit> takeATopLevelRecord() {
        return new ArchCondition<>("take a top-level record as its command") {
            @Override
            public void check(JavaCodeUnit handler, ConditionEvents events) {
                List<JavaClass> parameters = handler.getRawParameterTypes();
                JavaClass command = parameters.isEmpty() ? null : parameters.get(0);
                boolean ok = command != null && command.isRecord() && command.isTopLevelClass();
                events.add(new SimpleConditionEvent(handler, ok, handler.getFullName() + " handles "
                        + (command == null ? "no command" : command.getName())));
            }
        };
    }

    private static DescribedPredicate<JavaClass> notTheCatalog() {
        return DescribedPredicate.describe("anything but EventCatalog",
                type -> !type.getName().equals("fi.perhekeskus.contract.EventCatalog"));
    }
}
