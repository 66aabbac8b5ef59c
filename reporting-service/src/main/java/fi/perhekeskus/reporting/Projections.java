package fi.perhekeskus.reporting;

/** Names of the projections (processing groups). */
public final class Projections {

    public static final String DIRECTORY = "directory-projection";
    public static final String REFERRAL_FLOW = "referral-flow-projection";
    public static final String PROGRAMMES = "programme-projection";
    public static final String GATHERINGS = "gathering-projection";

    private Projections() {
    }
}
