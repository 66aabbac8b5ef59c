package fi.perhekeskus.meeting.parties;

import fi.perhekeskus.contract.directory.AgencyRegistered;
import fi.perhekeskus.contract.family.ConsentGiven;
import fi.perhekeskus.contract.family.ConsentWithdrawn;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Learns from the referral topic which agencies and families exist and whom the families' consents
 * cover. Of each event only ids, agency ids and dates are kept; sealed personal data is not.
 */
@Component
@ProcessingGroup(ProcessingGroups.PARTIES)
public class KnownPartiesProjection {

    private final KnownParties parties;

    public KnownPartiesProjection(KnownParties parties) {
        this.parties = parties;
    }

    @EventHandler
    void on(AgencyRegistered e) {
        parties.agencyRegistered(e.agencyId(), e.registeredAt());
    }

    @EventHandler
    void on(FamilyRegistered e) {
        parties.familyRegistered(e.familyId(), e.registeredByAgencyId(), e.registeredAt());
    }

    @EventHandler
    void on(ConsentGiven e) {
        parties.consentGiven(e.familyId(), e.consentId(), e.agencyIds(), e.validUntil());
    }

    @EventHandler
    void on(ConsentWithdrawn e) {
        parties.consentWithdrawn(e.familyId(), e.consentId(), e.withdrawnAt());
    }

    @EventHandler
    void on(FamilyErased e) {
        parties.familyErased(e.familyId(), e.erasedAt());
    }
}
