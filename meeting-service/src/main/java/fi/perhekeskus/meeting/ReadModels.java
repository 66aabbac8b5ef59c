package fi.perhekeskus.meeting;

/** Processing groups of meeting-service. */
public final class ReadModels {

    /** Its own Mongo views, from its own event store. */
    public static final String VIEWS = "meeting-views";
    /** The policy that enrols families whose referral to a group service was accepted (from Kafka). */
    public static final String REFERRAL_ENROLMENT = "referral-enrolment";
    /** The agencies, families and consents of the network, learnt from the referral topic (from Kafka). */
    public static final String PARTIES = "referral-parties";

    private ReadModels() {
    }
}
