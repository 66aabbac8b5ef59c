package fi.perhekeskus.referral.notification;

/**
 * Every kind of e-mail the platform sends. A new kind is one constant here and its {@code subject}
 * and {@code body} in {@code notifications/messages*.properties} (fi, sv, en), then one
 * {@link NotificationOutbox#enqueue} where its cause is handled. Agency messages carry a link only;
 * family messages name the programme and times, never a person.
 */
public enum NotificationKind {

    INCOMING_REFERRAL(RecipientKind.AGENCY, "incoming-referral"),
    REFERRAL_ESCALATED(RecipientKind.AGENCY, "referral-escalated"),
    /** The receiving agency's login-free link to a referral: the link is its only content. */
    PARTNER_LINK(RecipientKind.AGENCY, "partner-link"),
    /** With the family's own answer link ({@code /invitation/{token}} at meeting-service). */
    FAMILY_INVITED(RecipientKind.FAMILY, "family-invited"),
    FAMILY_ENROLLED(RecipientKind.FAMILY, "family-enrolled"),
    WAITLIST_PROMOTED(RecipientKind.FAMILY, "waitlist-promoted"),
    FAMILY_WAITLISTED(RecipientKind.FAMILY, "family-waitlisted"),
    SESSION_REMINDER(RecipientKind.FAMILY, "session-reminder"),
    /** After a held session, to each family that came: its own one-use feedback link. */
    FEEDBACK_LINK(RecipientKind.FAMILY, "feedback-link");

    private final RecipientKind recipient;
    private final String templateKey;

    NotificationKind(RecipientKind recipient, String templateKey) {
        this.recipient = recipient;
        this.templateKey = templateKey;
    }

    public RecipientKind recipient() {
        return recipient;
    }

    /** The prefix of its texts in the message bundle: {@code <key>.subject}, {@code <key>.body}. */
    public String templateKey() {
        return templateKey;
    }
}
