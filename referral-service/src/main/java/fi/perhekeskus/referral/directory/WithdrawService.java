package fi.perhekeskus.referral.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record WithdrawService(@TargetAggregateIdentifier UUID serviceId, String reason, String requestedBy,
                              Instant requestedAt) {
}
