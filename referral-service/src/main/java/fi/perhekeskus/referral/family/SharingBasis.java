package fi.perhekeskus.referral.family;

import fi.perhekeskus.contract.Sealed;

import java.util.UUID;

/**
 * Why an agency may see or receive a family's data: the agency registered the family, a valid
 * consent names it, or — for a referral only — a recorded legal basis (sealed with the family's
 * key: free text that may describe the family's situation).
 */
public record SharingBasis(Kind kind, UUID consentId, Sealed legalBasis) {

    public enum Kind { REGISTERING_AGENCY, CONSENT, LEGAL_BASIS }

    public static SharingBasis registeringAgency() {
        return new SharingBasis(Kind.REGISTERING_AGENCY, null, null);
    }

    public static SharingBasis consent(UUID consentId) {
        return new SharingBasis(Kind.CONSENT, consentId, null);
    }

    public static SharingBasis legalBasis(Sealed legalBasis) {
        return new SharingBasis(Kind.LEGAL_BASIS, null, legalBasis);
    }

    /** As written in the access log. */
    public String describe() {
        return switch (kind) {
            case REGISTERING_AGENCY -> "registering agency";
            case CONSENT -> "consent " + consentId;
            // The text stays sealed on the referral; the log names where it is recorded.
            case LEGAL_BASIS -> "legal basis recorded on the referral";
        };
    }
}
