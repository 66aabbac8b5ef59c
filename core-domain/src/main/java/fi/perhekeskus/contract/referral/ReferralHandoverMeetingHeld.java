package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The warm hand-over: the sending and the receiving worker met together, with the family when
 * {@code familyPresent}, so that the family is not just sent on. Recorded by either party
 * ({@code recordedByAgencyId}); the note is the family's personal data, sealed with its key.
 */
@EventType(domain = Domains.REFERRAL)
public record ReferralHandoverMeetingHeld(
        UUID referralId,
        UUID meetingId,
        LocalDate heldOn,
        boolean familyPresent,
        @Nullable Sealed note,
        UUID recordedByAgencyId,
        String recordedBy,
        Instant recordedAt
) {
}
