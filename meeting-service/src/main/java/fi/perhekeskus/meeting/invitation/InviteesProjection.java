package fi.perhekeskus.meeting.invitation;

import fi.perhekeskus.contract.directory.ServiceListed;
import fi.perhekeskus.contract.directory.ServiceUpdated;
import fi.perhekeskus.contract.family.FamilyDetailsChanged;
import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.family.FamilyMemberAdded;
import fi.perhekeskus.contract.family.FamilyRegistered;
import fi.perhekeskus.contract.family.MemberRole;
import fi.perhekeskus.meeting.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Learns from the referral topic where families live and which municipalities a service serves, for
 * invitations by age. Its own processing group, so it reads the topic from its start once deployed.
 * Only ids, municipality names and children's months of birth (published readable for exactly
 * this) are kept; sealed member data is not touched.
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
        for (FamilyRegistered.Member member : e.members()) {
            if (member.role() == MemberRole.CHILD && member.birthMonth() != null) {
                invitees.childBornIn(e.familyId(), member.memberId(), member.birthMonth());
            }
        }
    }

    @EventHandler
    void on(FamilyMemberAdded e) {
        if (e.role() == MemberRole.CHILD && e.birthMonth() != null) {
            invitees.childBornIn(e.familyId(), e.memberId(), e.birthMonth());
        }
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
