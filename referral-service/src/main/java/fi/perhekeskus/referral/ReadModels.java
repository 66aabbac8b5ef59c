package fi.perhekeskus.referral;

/** The processing groups of referral-service's Mongo views. */
public final class ReadModels {

    public static final String GROUP = "referral-views";

    /** What group referrals led to, from meeting-service's topic (a pooled processor fed by Kafka). */
    public static final String ENROLMENTS = "referral-enrolments";

    private ReadModels() {
    }
}
