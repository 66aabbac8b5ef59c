package fi.perhekeskus.referral.directory;

import fi.perhekeskus.contract.directory.OrganizerType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agency as the directory shows it (no contact persons: the directory holds no personal data).
 * {@code organizerName}, {@code servedMunicipalities} and {@code modifiedAt} are {@code null} in a
 * view built before they were recorded, until it is rebuilt.
 */
public record AgencySummary(UUID id, String name, OrganizerType organizerType, String organizerName,
                         String municipality, List<String> servedMunicipalities, Instant modifiedAt) {
}
