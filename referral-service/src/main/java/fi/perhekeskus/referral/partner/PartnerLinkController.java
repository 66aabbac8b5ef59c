package fi.perhekeskus.referral.partner;

import fi.perhekeskus.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /api/v1/referrals/{id}/partner-link}: the sender (a WORKER of the sending agency) or a
 * COORDINATOR hands the receiving agency a login-free link to the referral, for an agency with no
 * system of its own. The receiver, other agencies and other roles are refused as on the referral's
 * other endpoints (403, 404, 403); the aggregate decides who is the sender.
 */
@RestController
@RequestMapping("/api/v1/referrals/{id}/partner-link")
@Tag(name = "Referrals")
@Validated
@PreAuthorize("hasAnyRole('WORKER', 'COORDINATOR')")
public class PartnerLinkController {

    /** @param validDays how many days the link opens the referral: 1 to 30, 14 when not given */
    public record PartnerLinkRequest(@Min(1) @Max(PartnerLinks.MAX_DAYS) Integer validDays) {
    }

    public record PartnerLinkResponse(URI url, Instant expiresAt) {
    }

    private final PartnerLinks links;

    public PartnerLinkController(PartnerLinks links) {
        this.links = links;
    }

    @PostMapping
    @Operation(summary = "A partner link for the receiving agency (sender or COORDINATOR): the referral as its receiver "
            + "sees it, and the receiver's moves, without a login, until it expires (validDays 1–30, default 14). "
            + "A new link supersedes the previous one")
    public ResponseEntity<PartnerLinkResponse> create(@PathVariable UUID id,
                                                      @Valid @RequestBody(required = false) PartnerLinkRequest request,
                                                      Caller caller) {
        int days = request == null || request.validDays() == null ? PartnerLinks.DEFAULT_DAYS : request.validDays();
        PartnerLinks.Issued issued = links.issue(id, days, caller,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return ResponseEntity.status(201).body(new PartnerLinkResponse(issued.url(), issued.expiresAt()));
    }

    @DeleteMapping
    @Operation(summary = "Revoke the referral's partner link (sender or COORDINATOR); without one, nothing changes")
    public ResponseEntity<Void> revoke(@PathVariable UUID id, Caller caller) {
        links.revoke(id, caller);
        return ResponseEntity.noContent().build();
    }
}
