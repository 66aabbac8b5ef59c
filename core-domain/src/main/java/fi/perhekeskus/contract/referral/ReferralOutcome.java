package fi.perhekeskus.contract.referral;

/** What came of a completed referral, reported back to the sender. */
public enum ReferralOutcome {
    GOAL_MET, PARTLY_MET, NOT_MET, FAMILY_WITHDREW
}
