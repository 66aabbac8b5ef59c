package fi.perhekeskus.meeting.enrolment;

import fi.perhekeskus.contract.family.FamilyErased;
import fi.perhekeskus.contract.referral.ReferralAccepted;
import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.meeting.ProcessingGroups;
import fi.perhekeskus.meeting.programme.EnrolFamily;
import fi.perhekeskus.meeting.programme.ProgrammeIndex;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * When a referral to a group service is accepted, the family gets a place in the next programme
 * of that service that has room, or else waits in line for the first one. Programmes exist only for
 * group services, so a service with none is not (yet) run as a group and nothing happens.
 *
 * <p>Redelivery changes nothing: programmes are tried in the same order, and a programme that
 * already holds the family refuses it again, which ends the attempt.
 */
@Component
@ProcessingGroup(ProcessingGroups.ENROLMENT_POLICY)
public class ReferralEnrolmentPolicy {

    private static final Logger log = LoggerFactory.getLogger(ReferralEnrolmentPolicy.class);
    static final String BY = "referral-enrolment";

    private final CommandGateway commands;
    private final ProgrammeIndex programmes;
    private final FamilySealer sealer;
    private final Clock clock;

    public ReferralEnrolmentPolicy(CommandGateway commands, ProgrammeIndex programmes, FamilySealer sealer, Clock clock) {
        this.commands = commands;
        this.programmes = programmes;
        this.sealer = sealer;
        this.clock = clock;
    }

    @EventHandler
    void on(ReferralAccepted accepted) {
        List<UUID> candidates = programmes.upcomingOf(accepted.serviceId(), clock.instant());
        if (candidates.isEmpty()) {
            log.info("Referral {} accepted for service {}: no upcoming programme, no enrolment",
                    accepted.referralId(), accepted.serviceId());
            return;
        }
        for (UUID programme : candidates) {
            try {
                commands.sendAndWait(enrol(programme, accepted, false));
                log.info("Family {} enrolled in programme {} by referral {}", accepted.familyId(), programme,
                        accepted.referralId());
                return;
            } catch (IllegalTransitionException alreadyThere) {
                return;
            } catch (RuleViolationException full) {
                // try the next programme
            }
        }
        try {
            commands.sendAndWait(enrol(candidates.get(0), accepted, true));
            log.info("Family {} waitlisted in programme {} by referral {}", accepted.familyId(), candidates.get(0),
                    accepted.referralId());
        } catch (IllegalTransitionException alreadyThere) {
            // placed by an earlier delivery of this event
        }
    }

    /** Personal values sealed here (network meeting actions) become unreadable with the family's erasure. */
    @EventHandler
    void on(FamilyErased erased) {
        sealer.erase(erased.familyId());
    }

    private EnrolFamily enrol(UUID programme, ReferralAccepted accepted, boolean waitlistIfFull) {
        return EnrolFamily.byReferral(programme, accepted.familyId(), accepted.referralId(), waitlistIfFull, BY,
                clock.instant());
    }
}
