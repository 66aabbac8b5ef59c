package fi.perhekeskus.referral.notification;

import fi.perhekeskus.domain.IllegalTransitionException;
import fi.perhekeskus.domain.UnknownException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import fi.perhekeskus.infra.web.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The e-mail outbox for coordinators: what was sent, what waits, what failed and why (no addresses). */
@RestController
@Validated
@RequestMapping("/api/v1/admin/notifications")
@Tag(name = "Operations")
public class NotificationController {

    private final NotificationReader reader;
    private final NotificationOutbox outbox;
    private final Clock clock;

    public NotificationController(NotificationReader reader, NotificationOutbox outbox, Clock clock) {
        this.reader = reader;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Notifications by status, newest first (COORDINATOR); every status when none is given")
    public List<NotificationSummary> list(@RequestParam(required = false) NotificationStatus status,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_MAX) int limit,
                                          @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.OFFSET_MAX) int offset) {
        return reader.list(status, limit, offset);
    }

    @PostMapping("/{messageId}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Give a FAILED notification a fresh set of attempts, due now (COORDINATOR)")
    public NotificationSummary retry(@PathVariable UUID messageId) {
        NotificationSummary current = reader.find(messageId).orElseThrow(() -> new UnknownException("no such notification"));
        if (!outbox.retry(messageId, clock.instant())) {
            throw new IllegalTransitionException("only a FAILED notification is retried; this one is " + current.status());
        }
        return reader.find(messageId).orElseThrow();
    }
}
