package fi.perhekeskus.referral.notification;

/**
 * PENDING: waiting for its (next) attempt; SENT: the mail server took it; FAILED: every attempt
 * failed (retried only on a coordinator's request); DISCARDED: there was no one to send it to (no
 * contact address, or the family was erased).
 */
public enum NotificationStatus { PENDING, SENT, FAILED, DISCARDED }
