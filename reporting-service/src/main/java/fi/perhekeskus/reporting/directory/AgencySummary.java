package fi.perhekeskus.reporting.directory;

import fi.perhekeskus.contract.directory.OrganizerType;

import java.util.List;
import java.util.UUID;

/** An agency as dashboards see it. */
public record AgencySummary(UUID id, String name, OrganizerType organizerType, String organizerName,
                         String municipality, List<String> servedMunicipalities) {
}
