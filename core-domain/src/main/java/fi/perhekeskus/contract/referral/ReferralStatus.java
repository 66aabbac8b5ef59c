package fi.perhekeskus.contract.referral;

/**
 * The closed-loop states of a referral. ON_HOLD pauses an ACCEPTED or IN_PROGRESS referral; it is
 * still open (the sender may cancel it, the receiver may resume or redirect it).
 */
public enum ReferralStatus {
    REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, COMPLETED, DECLINED, REDIRECTED, CANCELLED, ON_HOLD;

    public boolean isOpen() {
        return this == REQUESTED || this == RECEIVED || this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD;
    }
}
