package fi.perhekeskus.contract.referral;

/** The closed-loop states of a referral. */
public enum ReferralStatus {
    REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED, DECLINED, REDIRECTED, CANCELLED;

    public boolean isOpen() {
        return this == REQUESTED || this == RECEIVED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
