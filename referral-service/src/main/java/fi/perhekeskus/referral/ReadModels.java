package fi.perhekeskus.referral;

/** The processing group of referral-service's own Mongo views (one tracking processor). */
public final class ReadModels {

    public static final String GROUP = "referral-views";

    private ReadModels() {
    }
}
