package fi.perhekeskus.referral.family;

import java.util.List;
import java.util.UUID;

/** {@code PATCH /api/v1/families/{id}}'s answer: the family's details that are not personal data. */
public record FamilyDetails(UUID id, String municipality, List<String> languages) {
}
