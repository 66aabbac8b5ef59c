package fi.perhekeskus.contract.programme;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.UUID;

/**
 * An agency's evaluation of a series it ran ("Tämän tekisin toisin"), one per agency and programme.
 * The three texts are free text that may name people, so they travel sealed with the programme's key.
 */
@EventType(domain = Domains.MEETING)
public record ProgrammeEvaluated(
        UUID programmeId,
        UUID agencyId,
        Sealed workedWell,
        Sealed toDevelop,
        Sealed proposals,
        String evaluatedBy,
        Instant evaluatedAt
) {
}
