package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.contract.gathering.NetworkMeetingHeld;
import fi.perhekeskus.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A multi-agency assessment with one family (verkostopalaveri): who took part, needs, agreed actions. */
@Aggregate
public class NetworkMeeting {

    public record RecordNetworkMeeting(UUID meetingId, UUID familyId, List<UUID> agencyIds, LocalDate heldOn,
                                       List<String> needsAssessed, List<NetworkMeetingHeld.AgreedAction> agreedActions,
                                       UUID recordingAgencyId, String requestedBy, Instant requestedAt) {
    }

    @AggregateIdentifier
    private UUID meetingId;

    protected NetworkMeeting() {
        // for Axon
    }

    @CommandHandler
    public NetworkMeeting(RecordNetworkMeeting c) {
        if (c.agencyIds().size() < 2) {
            throw new RuleViolationException("a network meeting brings together at least two agencies");
        }
        if (!c.agencyIds().contains(c.recordingAgencyId())) {
            throw new RuleViolationException("the recording agency took part in the meeting");
        }
        for (NetworkMeetingHeld.AgreedAction action : c.agreedActions()) {
            if (!c.agencyIds().contains(action.agencyId())) {
                throw new RuleViolationException("an action is agreed by an agency that took part");
            }
            if (action.due().isBefore(c.heldOn())) {
                throw new RuleViolationException("an action is due on or after the meeting");
            }
        }
        apply(new NetworkMeetingHeld(c.meetingId(), c.familyId(), List.copyOf(c.agencyIds()), c.heldOn(),
                List.copyOf(c.needsAssessed()), List.copyOf(c.agreedActions()), c.requestedBy(), c.requestedAt()));
    }

    @EventSourcingHandler
    void on(NetworkMeetingHeld e) {
        meetingId = e.meetingId();
    }
}
