package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker or coordinator sets a service's capacity by hand. {@code callerAgency} is the caller's
 * agency (null for a network-wide coordinator); {@code coordinator} says the caller may act for any.
 */
public record ChangeServiceCapacity(@TargetAggregateIdentifier UUID serviceId, CapacityStatus status,
                                    Integer waitWeeks, UUID callerAgency, boolean coordinator, String requestedBy,
                                    Instant requestedAt) {
}
