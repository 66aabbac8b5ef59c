package fi.perhekeskus.contract.programme;

/** How a family came to a group programme. */
public enum EnrolmentSource {
    REFERRAL, SELF, INVITATION
}
