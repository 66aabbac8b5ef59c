package fi.perhekeskus.meeting.programme;

/** What an answer did: the family got a place, waits for one, or declined. */
public enum AnswerOutcome {
    ENROLLED, WAITLISTED, DECLINED
}
