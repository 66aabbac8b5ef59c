package fi.perhekeskus.referral.hsds;

import fi.perhekeskus.infra.web.InvalidFieldException;
import fi.perhekeskus.infra.web.Limits;
import fi.perhekeskus.infra.web.PlausibleDate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Bounds of the HSDS query parameters, checked here so that a refusal names the parameter as HSDS
 * spells it ({@code per_page}, {@code modified_after}), not as the Java method does.
 */
final class HsdsParameters {

    static final int PAGE_MAX = 100_000;
    private static final int DATE_TIME_MAX = 64;

    private HsdsParameters() {
    }

    static void check(String search, long page, int perPage) {
        if (search != null && search.length() > Limits.QUERY_TEXT) {
            throw new InvalidFieldException("search", "must be at most " + Limits.QUERY_TEXT + " characters");
        }
        if (page < 1 || page > PAGE_MAX) {
            throw new InvalidFieldException("page", "must be between 1 and " + PAGE_MAX);
        }
        if (perPage < 1 || perPage > Limits.PAGE_MAX) {
            throw new InvalidFieldException("per_page", "must be between 1 and " + Limits.PAGE_MAX);
        }
    }

    /** An RFC 3339 date-time with offset; a '+' sent unencoded arrives as a space and is read as meant. */
    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > DATE_TIME_MAX) {
            throw new InvalidFieldException(field, "must be a date-time with an offset, e.g. 2026-01-31T12:00:00Z");
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value.trim().replace(' ', '+'));
            int year = at.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (year < PlausibleDate.EARLIEST.getYear() || year > PlausibleDate.LATEST.getYear()) {
                throw new InvalidFieldException(field, "must be between 1900 and 2200");
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date-time with an offset, e.g. 2026-01-31T12:00:00Z");
        }
    }
}
