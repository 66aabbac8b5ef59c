package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.EnrolmentSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

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
