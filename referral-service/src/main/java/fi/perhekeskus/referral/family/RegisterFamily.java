package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.family.FamilyRegistered;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Members arrive already sealed: the write model never holds a family's personal data in the clear. */
public record RegisterFamily(UUID familyId, UUID agencyId, String municipality, List<String> languages,
                             List<FamilyRegistered.Member> members, String requestedBy, Instant requestedAt) {
}
