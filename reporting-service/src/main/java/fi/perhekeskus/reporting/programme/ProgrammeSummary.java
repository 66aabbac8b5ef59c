package fi.perhekeskus.reporting.programme;

import fi.perhekeskus.reporting.suppression.Count;
import io.swagger.v3.oas.annotations.media.Schema;

/** A programme in the overview: its reach against plan. */
@Schema(description = "A programme with its reach against plan")
public record ProgrammeSummary(String programmeId, String name, Integer year, Count plannedFamilies,
                               Count enrolledFamilies,
                               @Schema(description = "enrolled of planned, two decimals") Double reachRate) {
}
