package fi.perhekeskus.referral.family;

import java.util.UUID;

/**
 * Why an agency may see or receive a family's data: the agency registered the family, a valid
 * consent names it, or — for a referral only — a recorded legal basis.
 */
public record SharingBasis(Kind kind, UUID consentId, String legalBasis) {

    public enum Kind { REGISTERING_AGENCY, CONSENT, LEGAL_BASIS }

    public static SharingBasis registeringAgency() {
        return new SharingBasis(Kind.REGISTERING_AGENCY, null, null);
    }

    public static SharingBasis consent(UUID consentId) {
        return new SharingBasis(Kind.CONSENT, consentId, null);
    }

    public static SharingBasis legalBasis(String legalBasis) {
        return new SharingBasis(Kind.LEGAL_BASIS, null, legalBasis);
    }

    /** As written in the access log. */
    public String describe() {
        return switch (kind) {
            case REGISTERING_AGENCY -> "registering agency";
            case CONSENT -> "consent " + consentId;
            case LEGAL_BASIS -> "legal basis: " + legalBasis;
        };
    }
}
