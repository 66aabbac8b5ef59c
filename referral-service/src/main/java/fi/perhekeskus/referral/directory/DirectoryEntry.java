package fi.perhekeskus.referral.directory;

import java.time.Instant;

/**
 * A service as the directory holds it, withdrawn ones included, with the time of the last event
 * that changed it ({@code null} only in a view built before that was recorded, until it is rebuilt).
 */
public record DirectoryEntry(ServiceSummary service, boolean withdrawn, Instant modifiedAt) {
}
