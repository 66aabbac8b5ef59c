package fi.perhekeskus.meeting.programme;

import fi.perhekeskus.contract.programme.Answer;
import fi.perhekeskus.contract.programme.EnrolmentSource;
import fi.perhekeskus.meeting.validation.WithinCalendar;
import fi.perhekeskus.contract.programme.SessionChangeReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of the programme and session endpoints, bounded as the Limits of docs/contract.md say: lists at most
 * 50 ({@code agencyIds} and {@code sessions} 20), names, topics and places at most 200 characters,
 * free text at most 2,000, dates present and within 1900–2200.
 */
public final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    public record Schedule(@NotBlank @Size(max = 200) String name, @NotNull UUID serviceId,
                           @NotEmpty @Size(max = 20) List<@NotNull UUID> agencyIds,
                           @NotBlank @Size(max = 200) String location,
                           @NotNull @Min(1) @Max(500) Integer capacityFamilies,
                           @NotNull @Min(1) @Max(500) Integer plannedFamilies,
                           @NotNull @Valid AgeRange targetAgeMonths,
                           @NotEmpty @Size(max = 20) List<@Valid @NotNull Session> sessions) {
    }

    public record AgeRange(@NotNull @Min(0) @Max(216) Integer from, @NotNull @Min(0) @Max(216) Integer to) {
    }

    public record Session(@NotNull @WithinCalendar OffsetDateTime startsAt,
                          @NotNull @WithinCalendar OffsetDateTime endsAt,
                          @NotBlank @Size(max = 200) String topic,
                          @NotEmpty @Size(max = 20) List<@NotNull UUID> facilitatorAgencyIds) {
    }

    public record Enrol(@NotNull UUID familyId, @NotNull EnrolmentSource source, UUID referralId) {
    }

    /** {@code reason} is a free-text note, sealed with the programme's key; without a code it is required. */
    public record Reschedule(@NotNull @WithinCalendar OffsetDateTime startsAt,
                             @NotNull @WithinCalendar OffsetDateTime endsAt,
                             SessionChangeReason reasonCode, @Size(max = 2000) String reason) {
    }

    /** {@code reason} is a free-text note, sealed with the programme's key; without a code it is required. */
    public record CancelSession(SessionChangeReason reasonCode, @Size(max = 2000) String reason) {
    }

    public record Attendance(@NotEmpty @Size(max = 50) List<@Valid @NotNull Family> families) {
    }

    public record Family(@NotNull UUID familyId, @NotNull @Min(0) @Max(20) Integer adults,
                         @NotNull @Min(0) @Max(20) Integer fathers, @NotNull @Min(0) @Max(20) Integer children) {
    }

    public record Feedback(@NotNull Answer timingSuited, @NotNull Answer contentMetNeeds,
                           @NotNull Answer infoMatchedChildAge, @Size(max = 2000) String comment) {
    }
}
