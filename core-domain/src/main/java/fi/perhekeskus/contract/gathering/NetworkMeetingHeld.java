package fi.perhekeskus.contract.gathering;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Several agencies met one family to assess its needs together and agreed actions. */
@EventType(domain = Domains.MEETING)
public record NetworkMeetingHeld(
        UUID meetingId,
        UUID familyId,
        List<UUID> agencyIds,
        LocalDate heldOn,
        List<String> needsAssessed,
        List<AgreedAction> agreedActions,
        String recordedBy,
        Instant recordedAt
) {

    /** What one agency promised to do, by when. The action text may name people, so it is sealed. */
    public record AgreedAction(UUID agencyId, Sealed action, LocalDate due) {
    }
}
