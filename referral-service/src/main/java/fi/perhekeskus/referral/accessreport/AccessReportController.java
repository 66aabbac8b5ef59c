package fi.perhekeskus.referral.accessreport;

import fi.perhekeskus.referral.privacy.AccessLog;
import fi.perhekeskus.domain.UnknownException;
import fi.perhekeskus.infra.consistency.ViewCatchUp;
import fi.perhekeskus.infra.csv.Csv;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.referral.ProcessingGroups;
import fi.perhekeskus.referral.WriteModel;
import fi.perhekeskus.referral.directory.DirectoryProjection;
import fi.perhekeskus.referral.family.FamilyConsents;
import fi.perhekeskus.infra.privacy.FamilySealer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/families/{id}/access-report}: the family's right-of-access report (COORDINATOR),
 * HTML by default, CSV with {@code Accept: text/csv}. Producing it is itself a use of the family's
 * log, so it is logged first and lists itself. An erased family's report is still complete: the log
 * holds no personal data.
 */
@RestController
@RequestMapping("/api/v1/families/{id}/access-report")
@PreAuthorize("hasRole('COORDINATOR')")
public class AccessReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final AccessLog log;
    private final FamilyConsents families;
    private final FamilySealer sealer;
    private final DirectoryProjection directory;
    private final ViewCatchUp catchUp;
    private final Clock clock;

    public AccessReportController(AccessLog log, FamilyConsents families, FamilySealer sealer, DirectoryProjection directory,
                                  ViewCatchUp catchUp, Clock clock) {
        this.log = log;
        this.families = families;
        this.sealer = sealer;
        this.directory = directory;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** One handler, the format chosen here: CSV only when the caller asks for it, else the printable page. */
    @GetMapping
    public ResponseEntity<String> report(@PathVariable UUID id, @RequestParam(required = false) String lang,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                         Caller caller) {
        ReportLanguage language = ReportLanguage.of(lang);
        if (wantsCsv(accept)) {
            AccessReport report = report(id, caller, "csv");
            return ResponseEntity.ok().contentType(CSV).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-report-" + id + ".csv\"")
                    .body(AccessReportPage.csv(report, language));
        }
        AccessReport report = report(id, caller, "html");
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", AccessReportPage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(AccessReportPage.html(report, language));
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    private AccessReport report(UUID familyId, Caller caller, String format) {
        // An erased family is still known to its aggregate (and its log outlives its data).
        if (WriteModel.read("access-report", () -> families.municipality(familyId)).isEmpty()) {
            throw new UnknownException("no such family");
        }
        Instant now = clock.instant();
        log.usage(familyId, caller.workerId(), caller.agency().orElse(null),
                "right-of-access report (" + format + ")", "right of access, Client Data Act 703/2023",
                AccessLog.Outcome.ALLOWED, now);
        // Read-your-writes: the disclosures of referrals made a moment ago are written by the views' processor.
        catchUp.await(ProcessingGroups.VIEWS);
        List<AccessLog.Entry> entries = log.of(familyId);
        var agencies = directory.agencies(entries.stream()
                .flatMap(e -> Stream.of(e.agencyId(), e.toAgencyId())).filter(Objects::nonNull).toList());
        return new AccessReport(familyId, sealer.isErased(familyId), now,
                entries.stream().map(e -> AccessReport.Row.of(e, agencies)).toList());
    }
}
