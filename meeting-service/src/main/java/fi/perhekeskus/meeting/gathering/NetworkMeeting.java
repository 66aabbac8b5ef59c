package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.Sealed;
import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.contract.gathering.NetworkMeetingLegalBasisRecorded;
import fi.perhekeskus.domain.RuleViolationException;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.privacy.FamilySealer;
import fi.perhekeskus.meeting.parties.FamilyConsents;
import fi.perhekeskus.meeting.parties.FamilyStanding;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A multi-agency assessment with one family (verkostopalaveri): who took part, needs, agreed actions.
 * The recording agency took part, and the family's valid consent covers every agency listed, or
 * the meeting records the legal basis on which the others took part.
 */
@Aggregate
public class NetworkMeeting {

    @AggregateIdentifier
    private UUID meetingId;

    protected NetworkMeeting() {
        // for Axon
    }

    @CommandHandler
    public NetworkMeeting(RecordNetworkMeeting c, FamilyConsents families, FamilySealer sealer) {
        // The rules on the request itself first: they tell the caller nothing about the family.
        if (new HashSet<>(c.agencyIds()).size() != c.agencyIds().size()) {
            throw new RuleViolationException("an agency is listed once");
        }
        if (c.agencyIds().size() < 2) {
            throw new RuleViolationException("a network meeting brings together at least two agencies");
        }
        if (!c.agencyIds().contains(c.recordingAgencyId())) {
            throw new RuleViolationException("the recording agency took part in the meeting");
        }
        for (PlannedAction action : c.agreedActions()) {
            if (!c.agencyIds().contains(action.agencyId())) {
                throw new RuleViolationException("an action is agreed by an agency that took part");
            }
            if (action.due().isBefore(c.heldOn())) {
                throw new RuleViolationException("an action is due on or after the meeting");
            }
        }
        FamilyStanding family = families.standing(c.familyId(), c.requestedAt().atZone(ZoneOffset.UTC).toLocalDate())
                .orElseThrow(() -> new UnknownException("no such family"));
        boolean legalBasis = c.legalBasis() != null && !c.legalBasis().isBlank();
        List<UUID> uncovered = c.agencyIds().stream().filter(a -> !family.covers(a)).toList();
        if (!legalBasis && uncovered.contains(c.recordingAgencyId())) {
            // As for enrolment: an agency the consent does not cover must not learn the family exists.
            if (!family.registeredBy(c.recordingAgencyId())) {
                throw new UnknownException("no such family");
            }
            throw new RuleViolationException("no valid consent of the family covers your agency; "
                    + "record the legal basis of the meeting");
        }
        if (!legalBasis && !uncovered.isEmpty()) {
            throw new RuleViolationException("the family's consent does not cover agencies " + uncovered
                    + "; record the legal basis of the meeting");
        }
        List<NetworkMeetingHeld.AgreedAction> actions = c.agreedActions().stream()
                .map(a -> new NetworkMeetingHeld.AgreedAction(a.agencyId(), sealer.seal(c.familyId(), a.action()),
                        a.due()))
                .toList();
        apply(new NetworkMeetingHeld(c.meetingId(), c.familyId(), List.copyOf(c.agencyIds()), c.heldOn(),
                List.copyOf(c.needsAssessed()), actions, c.requestedBy(), c.requestedAt()));
        if (legalBasis) {
            Sealed basis = sealer.seal(c.familyId(), c.legalBasis().strip());
            apply(new NetworkMeetingLegalBasisRecorded(c.meetingId(), c.familyId(), uncovered, basis,
                    c.requestedBy(), c.requestedAt()));
        }
    }

    @EventSourcingHandler
    void on(NetworkMeetingHeld e) {
        meetingId = e.meetingId();
    }
}
