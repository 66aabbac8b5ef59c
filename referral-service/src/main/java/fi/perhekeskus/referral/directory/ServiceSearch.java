package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

/** {@code GET /api/v1/services} filters; every one is optional. */
public record ServiceSearch(NeedLevel needLevel, String municipality, Integer ageMonths, String language,
                            ServiceKind kind, CapacityStatus capacity, String q, int limit,
                            int offset) {
}
