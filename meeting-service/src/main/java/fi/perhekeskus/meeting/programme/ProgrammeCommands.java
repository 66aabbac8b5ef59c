package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.contract.programme.GroupSessionHeld;
import fi.perhekeskus.contract.programme.ProgrammeScheduled;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The commands of a group programme. {@code actingAgencyId} is the worker's agency; null for a
 * coordinator where one may act, and for the referral-driven enrolment policy.
 */
public final class ProgrammeCommands {

    private ProgrammeCommands() {
    }

    public record ScheduleProgramme(UUID programmeId, String name, UUID serviceId, List<UUID> agencyIds,
                                    String location, int capacityFamilies, int plannedFamilies,
                                    int targetAgeFromMonths, int targetAgeToMonths,
                                    List<ProgrammeScheduled.Session> sessions, String requestedBy,
                                    Instant requestedAt) {
    }

    /**
     * With {@code waitlistIfFull} false a full programme refuses instead of waitlisting. A worker's
     * enrolment names its agency; the referral-driven policy names none (referral-service checked
     * the basis for sharing when the referral was made and accepted).
     */
    public record EnrolFamily(@TargetAggregateIdentifier UUID programmeId, UUID familyId, EnrolmentSource source,
                              UUID referralId, boolean waitlistIfFull, UUID actingAgencyId, String requestedBy,
                              Instant requestedAt) {

        public static EnrolFamily byReferral(UUID programmeId, UUID familyId, UUID referralId, boolean waitlistIfFull,
                                             String requestedBy, Instant requestedAt) {
            return new EnrolFamily(programmeId, familyId, EnrolmentSource.REFERRAL, referralId, waitlistIfFull, null,
                    requestedBy, requestedAt);
        }
    }

    /** By a worker of one of the programme's agencies, or a coordinator (no agency). */
    public record CancelEnrolment(@TargetAggregateIdentifier UUID programmeId, UUID familyId, UUID actingAgencyId,
                                  String requestedBy, Instant requestedAt) {
    }

    /** The note is sealed with the programme's key ({@link ProgrammeNotes}). */
    public record RescheduleSession(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, Instant startsAt,
                                    Instant endsAt, SessionChangeReason reasonCode, Sealed note,
                                    UUID actingAgencyId, String requestedBy, Instant requestedAt) {
    }

    /** The note is sealed with the programme's key ({@link ProgrammeNotes}). */
    public record CancelSession(@TargetAggregateIdentifier UUID programmeId, UUID sessionId,
                                SessionChangeReason reasonCode, Sealed note, UUID actingAgencyId, String requestedBy,
                                Instant requestedAt) {
    }

    public record RecordAttendance(@TargetAggregateIdentifier UUID programmeId, UUID sessionId,
                                   List<GroupSessionHeld.Attendance> families, UUID actingAgencyId,
                                   String requestedBy, Instant requestedAt) {
    }

    public record GiveFeedback(@TargetAggregateIdentifier UUID programmeId, UUID sessionId, UUID feedbackId,
                               Answer timingSuited, Answer contentMetNeeds, Answer infoMatchedChildAge,
                               UUID actingAgencyId, Instant requestedAt) {
    }

    /** The outcome of an enrolment. */
    public enum EnrolmentStatus { ENROLLED, WAITLISTED }
}
