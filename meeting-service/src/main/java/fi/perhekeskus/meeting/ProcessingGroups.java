package fi.perhekeskus.meeting;

/**
 * The processing groups of meeting-service. The values are the names under which their tokens are
 * stored, so they never change; a renamed value would replay the group from the start.
 */
public final class ProcessingGroups {

    /** Its own Mongo projections, from its own event store. */
    public static final String VIEWS = "meeting-views";
    /** The policy that enrols families whose referral to a group service was accepted (from Kafka). */
    public static final String ENROLMENT_POLICY = "referral-enrolment";
    /** The agencies, families and consents of the network, learnt from the referral topic (from Kafka). */
    public static final String PARTIES = "referral-parties";
    /** The programmes' agencies and sessions that authorization reads, from its own event store. */
    public static final String PROGRAMME_INDEX = "programme-index";

    /** Which programme an invitation belongs to and which are still open, from its own event store. */
    public static final String INVITATION_INDEX = "invitation-index";
    /** Families' municipalities and services' municipalities for invitations by age (from Kafka). */
    public static final String INVITEES = "referral-invitees";

    private ProcessingGroups() {
    }
}
