package fi.perhekeskus.meeting.gathering;

import fi.perhekeskus.meeting.validation.WithinCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of the network-meeting and open-place endpoints, bounded as the Limits of docs/contract.md say:
 * {@code agencyIds} at most 20, other lists at most 50, names and addresses at most 200 characters,
 * free text at most 2,000, dates present and within 1900–2200, a day's counts at most 1,000.
 */
public final class GatheringRequests {

    private GatheringRequests() {
    }

    /** {@code legalBasis}: on what grounds agencies take part that the family's consent does not cover. */
    public record NetworkMeetingRequest(@NotNull UUID familyId,
                                        @NotEmpty @Size(max = 20) List<@NotNull UUID> agencyIds,
                                        @NotNull @WithinCalendar LocalDate heldOn,
                                        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "^[A-Z_]{2,40}$") String> needsAssessed,
                                        @NotNull @Size(max = 50) List<@Valid @NotNull Action> agreedActions,
                                        @Size(max = 2000) String legalBasis) {
    }

    public record Action(@NotNull UUID agencyId, @NotBlank @Size(max = 2000) String action,
                         @NotNull @WithinCalendar LocalDate due) {
    }

    public record OpenPlaceRequest(@NotBlank @Size(max = 200) String name, @NotNull UUID agencyId,
                                   @NotBlank @Size(max = 200) String municipality,
                                   @NotBlank @Size(max = 200) String address,
                                   @NotBlank @Size(max = 2000) String openingHours) {
    }

    public record VisitsRequest(@NotNull @WithinCalendar LocalDate date,
                                @NotNull @Min(0) @Max(1000) Integer families,
                                @NotNull @Min(0) @Max(1000) Integer adults,
                                @NotNull @Min(0) @Max(1000) Integer children) {
    }
}
