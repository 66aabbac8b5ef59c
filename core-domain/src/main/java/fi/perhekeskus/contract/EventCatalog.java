package fi.perhekeskus.contract;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.directory.ServiceCapacityChanged;
import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.directory.ServiceWithdrawn;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyMemberAdded;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.ResponsibleWorkerAssigned;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.gathering.NetworkMeetingLegalBasisRecorded;
import fi.perhekeskus.contract.gathering.OpenPlaceRegistered;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsCorrected;
import fi.perhekeskus.contract.gathering.OpenPlaceVisitsRecorded;
import fi.perhekeskus.contract.programme.EnrolmentCancelled;
import fi.perhekeskus.contract.programme.FamilyEnrolled;
import fi.perhekeskus.contract.programme.FamilyWaitlisted;
import fi.perhekeskus.contract.programme.FeedbackGiven;
import fi.perhekeskus.contract.programme.FamilyInvited;
import fi.perhekeskus.contract.programme.InvitationAnswered;
import fi.perhekeskus.contract.programme.InvitationExpired;
import fi.perhekeskus.contract.programme.ProgrammeEvaluated;
import fi.perhekeskus.contract.programme.GroupSessionCancelled;
import fi.perhekeskus.contract.programme.GroupSessionAttendanceCorrected;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.GroupSessionRescheduled;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.ProgrammesPlanned;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.contract.referral.ReferralCancelled;
import fi.perhekeskus.contract.referral.ReferralCompleted;
import fi.perhekeskus.contract.referral.ReferralDeclined;
import fi.perhekeskus.contract.referral.ReferralEscalated;
import fi.perhekeskus.contract.referral.ReferralHandoverMeetingHeld;
import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.contract.referral.ReferralPutOnHold;
import fi.perhekeskus.contract.referral.ReferralReceived;
import fi.perhekeskus.contract.referral.ReferralRedirected;
import fi.perhekeskus.contract.referral.ReferralResumed;
import fi.perhekeskus.contract.referral.ReferralStarted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every public event, and the CloudEvents type name of each. */
public final class EventCatalog {

    private static final String TYPE_PREFIX = "fi.perhekeskus.";

    private static final List<Class<?>> EVENTS = List.of(
            AgencyRegistered.class, ServiceListed.class, ServiceUpdated.class, ServiceWithdrawn.class,
            ServiceCapacityChanged.class,
            FamilyRegistered.class, FamilyMemberAdded.class, FamilyDetailsChanged.class,
            ResponsibleWorkerAssigned.class, ConsentGiven.class, ConsentWithdrawn.class, FamilyErased.class,
            ReferralMade.class, ReferralReceived.class, ReferralAccepted.class, ReferralDeclined.class,
            ReferralRedirected.class, ReferralStarted.class, ReferralCompleted.class,
            ReferralCancelled.class, ReferralEscalated.class, ReferralPutOnHold.class, ReferralResumed.class,
            ReferralHandoverMeetingHeld.class,
            ProgrammeScheduled.class, ProgrammesPlanned.class, GroupSessionRescheduled.class, GroupSessionCancelled.class,
            FamilyEnrolled.class, FamilyWaitlisted.class, EnrolmentCancelled.class,
            GroupSessionHeld.class, GroupSessionAttendanceCorrected.class, FeedbackGiven.class,
            FamilyInvited.class, InvitationAnswered.class, InvitationExpired.class, ProgrammeEvaluated.class,
            NetworkMeetingHeld.class, NetworkMeetingLegalBasisRecorded.class,
            OpenPlaceRegistered.class, OpenPlaceVisitsRecorded.class, OpenPlaceVisitsCorrected.class);

    private static final Map<String, Class<?>> BY_TYPE = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<?>> events() {
        return EVENTS;
    }

    public static boolean isPublic(Class<?> type) {
        return type.isAnnotationPresent(EventType.class);
    }

    /** The CloudEvents type, e.g. {@code fi.perhekeskus.referral.ReferralAccepted.v1}. */
    public static String typeOf(Class<?> event) {
        EventType annotation = annotation(event);
        return TYPE_PREFIX + annotation.domain() + "." + nameOf(event) + ".v" + annotation.version();
    }

    public static String nameOf(Class<?> event) {
        EventType annotation = annotation(event);
        return annotation.name().isEmpty() ? event.getSimpleName() : annotation.name();
    }

    public static int versionOf(Class<?> event) {
        return annotation(event).version();
    }

    public static String topicOf(Class<?> event) {
        return Topics.forDomain(annotation(event).domain());
    }

    public static Optional<Class<?>> classOf(String cloudEventType) {
        return Optional.ofNullable(BY_TYPE.get(cloudEventType));
    }

    private static EventType annotation(Class<?> event) {
        EventType annotation = event.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(event.getName() + " is not a public event");
        }
        return annotation;
    }
}
