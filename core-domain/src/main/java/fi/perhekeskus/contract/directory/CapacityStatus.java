package fi.perhekeskus.contract.directory;

/** Whether a service can take a family now: open, a queue, closed, or only after an assessment. */
public enum CapacityStatus {
    OPEN, WAITLIST, CLOSED, ASSESSMENT_REQUIRED
}
