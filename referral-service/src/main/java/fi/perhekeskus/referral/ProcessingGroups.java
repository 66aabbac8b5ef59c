package fi.perhekeskus.referral;

/**
 * The processing groups of referral-service. The values are the names under which their tokens
 * are stored, so they never change; a renamed value would replay the group from the start.
 */
public final class ProcessingGroups {

    /** Its own Mongo projections and the disclosure recorder, from its own event store. */
    public static final String VIEWS = "referral-views";

    /** What group referrals led to, from meeting-service's topic (a pooled processor fed by Kafka). */
    public static final String ENROLMENT_OUTCOMES = "referral-enrolments";

    /** Meeting-service's disclosures of families, for their access logs (from Kafka). */
    public static final String MEETING_DISCLOSURES = "meeting-disclosures";

    /** Agencies' e-mail notifications from this service's own events (a tracking processor on the event store). */
    public static final String REFERRAL_NOTIFICATIONS = "referral-notifications";

    /** Families' e-mail notifications (enrolments, waitlist, session reminders) from meeting-service's topic. */
    public static final String MEETING_NOTIFICATIONS = "meeting-notifications";

    /** Programmes and open places from meeting-service's topic: GROUP services' capacity and the finder. */
    public static final String PROGRAMME_OFFERS = "programme-offers";

    private ProcessingGroups() {
    }
}
