package fi.perhekeskus.referral;

/** The processing group of referral-service's own Mongo views (one pooled processor). */
public final class ReadModels {

    public static final String GROUP = "referral-views";

    private ReadModels() {
    }
}
