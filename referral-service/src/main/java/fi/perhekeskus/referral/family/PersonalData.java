package fi.perhekeskus.referral.family;

import java.time.LocalDate;

/** A member's personal data: sealed as one JSON value with the family's key. */
public record PersonalData(String givenName, String familyName, LocalDate birthDate, String personalIdentityCode) {
}
