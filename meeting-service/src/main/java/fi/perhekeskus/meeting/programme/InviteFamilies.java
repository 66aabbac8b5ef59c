package fi.perhekeskus.meeting.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Invite families to a programme: the ones named ({@code byAge} false), or, with {@code byAge}, the
 * families whose child's age at the first session fits the programme (found by the aggregate through
 * {@link InviteeFinder}; {@code familyIds} is then empty). Families already invited, enrolled or
 * waitlisted are left out. {@code actingAgencyId} is the worker's agency, null for a coordinator.
 */
public record InviteFamilies(@TargetAggregateIdentifier UUID programmeId, List<UUID> familyIds, boolean byAge,
                             UUID actingAgencyId, String requestedBy, Instant requestedAt) {

    public InviteFamilies {
        familyIds = List.copyOf(familyIds);
    }
}
