package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** An invitation left unanswered when the programme's first session began. */
@EventType(domain = Domains.MEETING)
public record InvitationExpired(
        UUID programmeId,
        UUID invitationId,
        UUID familyId,
        Instant expiredAt
) {
}
