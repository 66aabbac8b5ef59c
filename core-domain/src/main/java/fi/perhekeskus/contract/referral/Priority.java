package fi.perhekeskus.contract.referral;

/** How soon the receiver should act. */
public enum Priority {
    ROUTINE, URGENT
}
