package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The platform's own capacity of a GROUP service, derived from its upcoming programmes (GroupCapacity). */
public record KeepGroupCapacity(@TargetAggregateIdentifier UUID serviceId, CapacityStatus status, Instant at) {
}
