package fi.perhekeskus.referral.family;

import fi.perhekeskus.referral.WriteModel;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides reads of a family's data on the write model, not on a view: a consent withdrawn a
 * moment ago stops access at once.
 */
@Component
public class FamilyAccess {

    private final FamilyConsents consents;
    private final Clock clock;

    public FamilyAccess(FamilyConsents consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    public Optional<SharingBasis> basisFor(UUID familyId, UUID agencyId) {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        return WriteModel.read("family-access", () -> consents.basisFor(familyId, agencyId, null, today));
    }

    /** Whether the family withdrew this consent: what rested on it stops at once. */
    public boolean isWithdrawn(UUID familyId, UUID consentId) {
        return WriteModel.read("family-consent", () -> consents.isWithdrawn(familyId, consentId));
    }
}
