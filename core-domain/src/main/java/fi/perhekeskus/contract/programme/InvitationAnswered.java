package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * The family answered an invitation, by its own link ({@code answeredBy} is then
 * {@code invitation-link:<invitationId>}) or through a worker of a programme agency. A YES is followed
 * by the family's enrolment (source INVITATION) or its place on the waitlist.
 */
@EventType(domain = Domains.MEETING)
public record InvitationAnswered(
        UUID programmeId,
        UUID invitationId,
        UUID familyId,
        InvitationAnswer answer,
        String answeredBy,
        Instant answeredAt
) {
}
