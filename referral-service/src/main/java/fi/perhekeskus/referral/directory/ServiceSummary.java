package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.util.List;
import java.util.UUID;

/** A service as the directory shows it. */
public record ServiceSummary(UUID id, UUID agencyId, String agencyName, String name, ServiceKind kind,
                          NeedLevel needLevel, int ageFromMonths, int ageToMonths, List<String> municipalities,
                          List<String> languages, String description, Capacity capacity) {
}
