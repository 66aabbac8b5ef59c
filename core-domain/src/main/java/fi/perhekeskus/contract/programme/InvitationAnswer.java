package fi.perhekeskus.contract.programme;

/** A family's answer to an invitation to a group programme. */
public enum InvitationAnswer {
    YES, NO
}
