package fi.perhekeskus.referral.fhir;

import fi.perhekeskus.infra.privacy.FamilySealer;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import java.util.UUID;

/** References shared by the Task and the ServiceRequest of a referral. */
final class FhirReferences {

    static final String ERASED = FamilySealer.ERASED;

    private FhirReferences() {
    }

    /** An agency is an Organization of the platform, by its id. */
    static Reference organization(UUID agencyId) {
        return new Reference("Organization/" + agencyId);
    }

    /**
     * The family as a logical reference: a Group known by the platform's opaque family id, which both
     * parties already see in the JSON detail. No name, birth date or identity code, and nothing this
     * server would resolve: the family's own data is read, audited, from /api/v1/families/{id}.
     */
    static Reference family(UUID familyId) {
        return new Reference().setType("Group")
                .setIdentifier(new Identifier().setSystem(PlatformCodes.FAMILY_ID).setValue(familyId.toString()));
    }
}
