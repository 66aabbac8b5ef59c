package fi.perhekeskus.contract.programme;

/** A feedback answer. */
public enum Answer {
    YES, PARTLY, NO
}
