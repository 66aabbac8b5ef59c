package fi.perhekeskus.meeting.gathering;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record RecordVisits(@TargetAggregateIdentifier UUID placeId, LocalDate date, int families, int adults,
                           int children, UUID actingAgencyId, String requestedBy, Instant requestedAt) {
}
