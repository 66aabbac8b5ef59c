package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UpdateService(@TargetAggregateIdentifier UUID serviceId, String name, ServiceKind kind,
                            NeedLevel needLevel, int ageFromMonths, int ageToMonths, List<String> municipalities,
                            List<String> languages, String description, String requestedBy, Instant requestedAt) {
}
