package fi.perhekeskus.contract.referral;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;

import java.time.Instant;
import java.util.UUID;

/** Nobody acted on the referral within its service level. */
@EventType(domain = Domains.REFERRAL)
public record ReferralEscalated(
        UUID referralId,
        EscalationStage stage,
        Instant dueAt,
        Instant escalatedAt
) {
}
