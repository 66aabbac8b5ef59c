package fi.perhekeskus.contract;

/** The public Kafka topics. The record key is always the aggregate id. */
public final class Topics {

    public static final String REFERRAL_EVENTS = "perhekeskus.referral.events.v1";
    public static final String MEETING_EVENTS = "perhekeskus.meeting.events.v1";

    private Topics() {
    }

    public static String forDomain(String domain) {
        return switch (domain) {
            case Domains.REFERRAL -> REFERRAL_EVENTS;
            case Domains.MEETING -> MEETING_EVENTS;
            default -> throw new IllegalArgumentException("unknown event domain " + domain);
        };
    }
}
