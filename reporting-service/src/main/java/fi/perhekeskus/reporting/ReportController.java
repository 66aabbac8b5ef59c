package fi.perhekeskus.reporting;

import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.security.Role;
import fi.perhekeskus.reporting.programme.ProgrammeCsvRow;
import fi.perhekeskus.reporting.programme.ProgrammeReport;
import fi.perhekeskus.reporting.programme.ProgrammeReportResponse;
import fi.perhekeskus.reporting.programme.ProgrammeSummary;
import fi.perhekeskus.reporting.suppression.Suppression;
import fi.perhekeskus.reporting.referral.ReferralReport;
import fi.perhekeskus.reporting.referral.ReferralReportResponse;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard figures as JSON or, with {@code Accept: text/csv}, as CSV. Analysts get small counts
 * suppressed; coordinators see them.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
@PreAuthorize("hasAnyRole('ANALYST', 'COORDINATOR')")
@Validated
public class ReportController {

    /** How suppressed figures read, for every report's OpenAPI description. */
    static final String SUPPRESSION = " For ANALYST callers a count from 1 to 4 reads \"<5\"; a count of any other "
            + "size (never 0) that would let a reader work out such a count from the other shown figures of the same "
            + "report (a total less the other parts) reads \"suppressed\"; a rate, percent or median derived from a "
            + "hidden count is left out. COORDINATOR sees every figure. In CSV a text cell beginning with =, +, -, @, "
            + "tab or CR is prefixed with '; numbers are written as they are.";

    private final ReferralReport referrals;
    private final ProgrammeReport programmes;
    private final Scorecard scorecard;

    public ReportController(ReferralReport referrals, ProgrammeReport programmes, Scorecard scorecard) {
        this.referrals = referrals;
        this.programmes = programmes;
        this.scorecard = scorecard;
    }

    @GetMapping(value = "/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Referral flow per receiving agency, service or month: counts, acceptance rate "
            + "(accepted of accepted+declined+redirected), median hours to receive and accept, need-level mix",
            description = "A row's need levels add up to made." + SUPPRESSION)
    public List<ReferralReportResponse> referrals(@RequestParam(required = false) @Size(max = Limits.NAME) String municipality,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate from,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate to,
                                               @RequestParam(defaultValue = "AGENCY") ReferralReport.GroupBy groupBy,
                                               Caller caller) {
        return referrals.report(municipality, start(from), endExclusive(to), groupBy, suppression(caller));
    }

    @GetMapping(value = "/referrals", produces = Csv.MEDIA_TYPE)
    public String referralsCsv(@RequestParam(required = false) @Size(max = Limits.NAME) String municipality,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate to,
                               @RequestParam(defaultValue = "AGENCY") ReferralReport.GroupBy groupBy, Caller caller) {
        return Csv.of(ReferralReport.COLUMNS, referrals(municipality, from, to, groupBy, caller));
    }

    @GetMapping(value = "/programmes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every programme with its reach against plan (for the dashboard's overview)",
            description = SUPPRESSION)
    public List<ProgrammeSummary> programmes(Caller caller) {
        return programmes.overview(suppression(caller));
    }

    @GetMapping(value = "/programmes", produces = Csv.MEDIA_TYPE)
    public String programmesCsv(Caller caller) {
        return Csv.of(ProgrammeReport.OVERVIEW_COLUMNS, programmes(caller));
    }

    @GetMapping(value = "/programmes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A programme's reach against plan, invitation funnel, attendance and feedback per session, "
            + "feedback per question and (COORDINATOR only) which agencies evaluated it",
            description = "Each question's answers add up to its responses, the same for every question; each answer's "
                    + "count is the sum of the sessions' (feedback per session: COORDINATOR only). The funnel counts distinct families: invited, of them those "
                    + "that answered, those enrolled now and those present at a held session. The evaluations' texts "
                    + "are sealed with the programme's key, which only meeting-service holds: reporting asks it for "
                    + "them with the coordinator's own token and keeps no copy; evaluationTexts says whether they "
                    + "could be shown." + SUPPRESSION)
    public ProgrammeReportResponse programme(@PathVariable UUID id, Caller caller,
                                             @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return programmes.report(id, suppression(caller), caller.has(Role.COORDINATOR), authorization);
    }

    @GetMapping(value = "/programmes/{id}", produces = Csv.MEDIA_TYPE)
    public String programmeCsv(@PathVariable UUID id, Caller caller,
                               @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return Csv.of(ProgrammeCsvRow.COLUMNS, ProgrammeReport.csv(programme(id, caller, authorization)));
    }

    @GetMapping(value = "/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An organizer's yearly scorecard (all organizers when none is named), with the year's plan "
            + "per group service against the series scheduled and held",
            description = "The plan's services' enrolledFamilies add up to enrolledFamilies; the plan's own figures are "
                    + "targets and shown as they are. The CSV has the card's figures, not the plan." + SUPPRESSION)
    public ScorecardResponse scorecard(@RequestParam(required = false) @Size(max = Limits.NAME) String organizer,
                                         @RequestParam(required = false) @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) Integer year, Caller caller) {
        return scorecard.of(organizer, year == null ? LocalDate.now(ZoneOffset.UTC).getYear() : year, suppression(caller));
    }

    @GetMapping(value = "/scorecard", produces = Csv.MEDIA_TYPE)
    public String scorecardCsv(@RequestParam(required = false) @Size(max = Limits.NAME) String organizer,
                               @RequestParam(required = false) @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) Integer year, Caller caller) {
        return Csv.of(Scorecard.COLUMNS, List.of(scorecard(organizer, year, caller)));
    }

    private static Suppression suppression(Caller caller) {
        return Suppression.forAnalyst(!caller.has(Role.COORDINATOR));
    }

    private static Instant start(LocalDate from) {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant endExclusive(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
