package fi.perhekeskus.meeting.invitation;

/**
 * Where an invitation stands: ACCEPTED is a YES whose family waits for a place (or whose enrolment the
 * view has not seen yet), ENROLLED a YES that got one.
 */
public enum InvitationStatus {
    INVITED, ACCEPTED, DECLINED, ENROLLED, EXPIRED
}
