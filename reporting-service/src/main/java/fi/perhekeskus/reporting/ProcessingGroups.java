package fi.perhekeskus.reporting;

/**
 * The processing groups of reporting-service, one per projection. The values are the names under
 * which their tokens are stored and by which `./run rebuild` names a projection.
 */
public final class ProcessingGroups {

    public static final String DIRECTORY = "directory-projection";
    public static final String REFERRAL_FLOW = "referral-flow-projection";
    public static final String PROGRAMMES = "programme-projection";
    public static final String GATHERINGS = "gathering-projection";
    public static final String PLANS = "programme-plan-projection";

    private ProcessingGroups() {
    }
}
