package fi.perhekeskus.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import fi.perhekeskus.infra.security.Caller;
import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A referral as HL7 FHIR R4 (README, "FHIR"): its Task and its ServiceRequest, and the Tasks of an
 * owner, for the referral's parties only, like {@code GET /api/v1/referrals/{id}}. Answers
 * {@code application/fhir+json} to a client that accepts it or {@code application/json}; any other
 * Accept is 406. Errors stay problem+json like every error of the platform.
 */
@RestController
@RequestMapping(path = "/fhir", produces = {FhirController.FHIR_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
@Tag(name = "FHIR")
@PreAuthorize("hasRole('WORKER')")
public class FhirController {

    public static final String FHIR_JSON_VALUE = "application/fhir+json";
    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);
    private static final Pattern OWNER = Pattern.compile(
            "Organization/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final int DEFAULT_COUNT = 50;

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirReferrals referrals;
    private final Clock clock;

    public FhirController(FhirReferrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @GetMapping("/Task/{id}")
    @Operation(summary = "The referral as a FHIR R4 Task, for its sender (requester) or receiver (owner)")
    public ResponseEntity<String> task(@PathVariable UUID id, Caller caller) {
        return fhirJson(referrals.task(id, caller));
    }

    @GetMapping("/ServiceRequest/{id}")
    @Operation(summary = "What the sender asked for, as a FHIR R4 ServiceRequest (the Task's focus)")
    public ResponseEntity<String> serviceRequest(@PathVariable UUID id, Caller caller) {
        return fhirJson(referrals.serviceRequest(id, caller));
    }

    @GetMapping("/Task")
    @Operation(summary = "A searchset Bundle of the Tasks owned by an agency that the caller is a party to, "
            + "newest first: owner=Organization/{agencyId}, _count 1..500 (default 50), _offset")
    public ResponseEntity<String> tasksByOwner(@RequestParam(name = "owner") String owner,
                                               @RequestParam(name = "_count", required = false) String count,
                                               @RequestParam(name = "_offset", required = false) String offset,
                                               Caller caller) {
        Matcher matcher = OWNER.matcher(owner);
        if (!matcher.matches()) {
            throw new InvalidFieldException("owner", "must be Organization/{agencyId}, the agency id a UUID");
        }
        UUID agency = UUID.fromString(matcher.group(1));
        int pageSize = bounded("_count", count, DEFAULT_COUNT, 1, Limits.PAGE_MAX);
        int from = bounded("_offset", offset, 0, 0, Limits.OFFSET_MAX);
        FhirReferrals.Page page = referrals.tasksOwnedBy(agency, caller, pageSize, from);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString();
        String search = base + "/Task?owner=Organization/" + agency + "&_count=" + pageSize + "&_offset=";
        return fhirJson(FhirReferrals.searchset(page, base, search + from, search + (from + pageSize), clock));
    }

    private static int bounded(String field, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw new InvalidFieldException(field, "must be a whole number from " + min + " to " + max);
    }

    private ResponseEntity<String> fhirJson(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.newJsonParser().encodeResourceToString(resource));
    }
}
