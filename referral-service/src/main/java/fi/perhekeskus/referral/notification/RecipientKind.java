package fi.perhekeskus.referral.notification;

/** Who a notification goes to: an agency's office address, or a family's own (sealed) address. */
public enum RecipientKind { AGENCY, FAMILY }
