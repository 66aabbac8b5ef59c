package fi.perhekeskus.contract.family;

/** A family member's role. */
public enum MemberRole {
    PARENT, CHILD
}
