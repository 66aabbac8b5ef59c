package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ListService(UUID serviceId, UUID agencyId, String name, ServiceKind kind, NeedLevel needLevel,
                          int ageFromMonths, int ageToMonths, List<String> municipalities, List<String> languages,
                          String description, String requestedBy, Instant requestedAt) {
}
