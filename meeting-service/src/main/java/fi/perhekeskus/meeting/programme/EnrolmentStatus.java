package fi.perhekeskus.meeting.programme;

/** The outcome of an enrolment. */
public enum EnrolmentStatus { ENROLLED, WAITLISTED }
