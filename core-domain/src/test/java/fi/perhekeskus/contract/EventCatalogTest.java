package fi.perhekeskus.contract;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    @Test
    void everyAnnotatedEventIsInTheCatalogAndViceVersa() {
        Set<String> annotated = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fi.perhekeskus.contract").stream()
                .filter(c -> c.isAnnotatedWith(EventType.class))
                .map(c -> c.getName()).collect(Collectors.toSet());
        Set<String> catalogued = EventCatalog.events().stream().map(Class::getName).collect(Collectors.toSet());

        assertThat(catalogued).isEqualTo(annotated);
    }

    @Test
    void typeNamesFollowTheContract() {
        assertThat(EventCatalog.typeOf(ReferralAccepted.class)).isEqualTo("fi.perhekeskus.referral.ReferralAccepted.v2");
        assertThat(EventCatalog.classOf("fi.perhekeskus.referral.ReferralAccepted.v2")).contains(ReferralAccepted.class);
        // An older version is no type of the catalog: it reaches its record through the upcasters.
        assertThat(EventCatalog.classOf("fi.perhekeskus.referral.ReferralAccepted.v1")).isEmpty();
        assertThat(EventCatalog.topicOf(ReferralAccepted.class)).isEqualTo(Topics.REFERRAL_EVENTS);
    }

    @Test
    void theTopicsCarryTheEventsApiMdLists() {
        Set<String> referral = EventCatalog.events().stream()
                .filter(e -> EventCatalog.topicOf(e).equals(Topics.REFERRAL_EVENTS))
                .map(EventCatalog::nameOf).collect(Collectors.toSet());
        Set<String> meeting = EventCatalog.events().stream()
                .filter(e -> EventCatalog.topicOf(e).equals(Topics.MEETING_EVENTS))
                .map(EventCatalog::nameOf).collect(Collectors.toSet());

        assertThat(referral).containsExactlyInAnyOrder("AgencyRegistered", "ServiceListed", "ServiceUpdated",
                "ServiceWithdrawn", "FamilyRegistered", "FamilyMemberAdded", "FamilyDetailsChanged",
                "ResponsibleWorkerAssigned", "ConsentGiven", "ConsentWithdrawn", "FamilyErased",
                "ReferralMade", "ReferralReceived", "ReferralAccepted", "ReferralDeclined", "ReferralRedirected",
                "ReferralStarted", "ReferralCompleted", "ReferralCancelled", "ReferralEscalated",
                // second wave: hold and resume, the warm hand-over
                "ReferralPutOnHold", "ReferralResumed", "ReferralHandoverMeetingHeld",
                // capacity in the directory
                "ServiceCapacityChanged");
        assertThat(meeting).contains("ProgrammeScheduled", "FamilyEnrolled", "FamilyWaitlisted",
                "EnrolmentCancelled", "GroupSessionHeld", "FeedbackGiven", "NetworkMeetingHeld",
                "OpenPlaceVisitsRecorded");
    }
}
