package fi.perhekeskus.referral.privacy;

import fi.perhekeskus.contract.referral.ReferralMade;
import fi.perhekeskus.referral.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Every referral discloses the family's data to the receiving agency (a redirect makes a new
 * referral, so it is recorded too) with the basis the referral recorded: a consent or a law.
 */
@Component
@ProcessingGroup(ProcessingGroups.VIEWS)
public class DisclosureRecorder {

    private final AccessLog log;

    public DisclosureRecorder(AccessLog log) {
        this.log = log;
    }

    @EventHandler
    void on(ReferralMade event, @MessageIdentifier String eventId) {
        // A legal basis is free text sealed with the family's key: the log says where it is, not what it says.
        String basis = event.consentId() != null ? "consent " + event.consentId()
                : "legal basis recorded on referral " + event.referralId();
        String purpose = event.redirectedFrom() == null ? "referral" : "redirected referral (from " + event.redirectedFrom() + ")";
        java.util.UUID from = event.redirectedByAgencyId() != null ? event.redirectedByAgencyId() : event.senderAgencyId();
        log.disclosure(eventId, event.familyId(), event.madeBy(), from, event.receiverAgencyId(), event.referralId(),
                purpose, basis, event.madeAt());
    }
}
