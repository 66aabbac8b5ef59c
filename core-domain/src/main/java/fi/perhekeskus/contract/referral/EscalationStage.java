package fi.perhekeskus.contract.referral;

/** Which service-level deadline a referral missed. */
public enum EscalationStage {
    NOT_RECEIVED, NOT_DECIDED
}
