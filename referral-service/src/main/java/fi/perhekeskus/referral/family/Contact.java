package fi.perhekeskus.referral.family;

/** The family's contact details, sealed as one JSON value with the family's key (docs/contract.md: given with consent). */
public record Contact(String email, String phone) {
}
