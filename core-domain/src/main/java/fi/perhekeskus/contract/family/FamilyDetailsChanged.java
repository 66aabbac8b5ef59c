package fi.perhekeskus.contract.family;

import fi.perhekeskus.contract.Domains;
import fi.perhekeskus.contract.EventType;
import fi.perhekeskus.contract.Nullable;
import fi.perhekeskus.contract.Sealed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker changed the family's details; a null field was not changed. The municipality and
 * languages are not personal data (reports and programme invitations are filtered by them, as in
 * {@link FamilyRegistered}); the contact details (e-mail, phone) are, so they travel only sealed with
 * the family's key as one JSON value, and a change replaces them as a whole.
 */
@EventType(domain = Domains.REFERRAL)
public record FamilyDetailsChanged(
        UUID familyId,
        @Nullable String municipality,
        @Nullable List<String> languages,
        @Nullable Sealed contact,
        UUID changedByAgencyId,
        String changedBy,
        Instant changedAt
) {
}
