package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Learns from the referral topic where families live and which municipalities a service serves, for
 * invitations by age. Its own processing group, so it reads the topic from its start once deployed.
 * Only ids and municipality names are kept; sealed member data is not touched.
 */
@Component
@ProcessingGroup(ProcessingGroups.INVITEES)
public class InviteesProjection {

    private final Invitees invitees;

    public InviteesProjection(Invitees invitees) {
        this.invitees = invitees;
    }

    @EventHandler
    void on(FamilyRegistered e) {
        invitees.familyIn(e.familyId(), e.municipality());
    }

    @EventHandler
    void on(FamilyDetailsChanged e) {
        invitees.familyIn(e.familyId(), e.municipality());
    }

    @EventHandler
    void on(FamilyErased e) {
        invitees.familyErased(e.familyId());
    }

    @EventHandler
    void on(ServiceListed e) {
        invitees.serviceIn(e.serviceId(), e.municipalities());
    }

    @EventHandler
    void on(ServiceUpdated e) {
        invitees.serviceIn(e.serviceId(), e.municipalities());
    }
}
