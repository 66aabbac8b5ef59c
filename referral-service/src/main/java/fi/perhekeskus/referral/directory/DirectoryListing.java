package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.CapacityStatus;
import fi.perhekeskus.contract.directory.NeedLevel;
import fi.perhekeskus.contract.directory.ServiceKind;

import java.time.Instant;
import java.util.UUID;

/** Filters of a directory listing that includes withdrawn services; every one is optional. */
public record DirectoryListing(String text, UUID agencyId, NeedLevel needLevel, ServiceKind kind,
                               CapacityStatus capacity, Instant modifiedSince) {
}
