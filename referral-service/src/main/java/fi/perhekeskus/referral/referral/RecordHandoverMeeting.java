package fi.perhekeskus.referral.referral;

import fi.perhekeskus.contract.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Either party records the warm hand-over meeting; the note is sealed with the family's key. */
public record RecordHandoverMeeting(@TargetAggregateIdentifier UUID referralId, UUID actingAgencyId, UUID meetingId,
                                    LocalDate heldOn,
                                    boolean familyPresent, Sealed note, String requestedBy, Instant requestedAt) {
}
