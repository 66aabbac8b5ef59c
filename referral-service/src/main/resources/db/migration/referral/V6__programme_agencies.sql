-- The agencies of each group programme, as referral-service learns them from the meeting topic
-- (MeetingDisclosures): an enrolment shows the family to every agency of its programme, and the
-- family's access log records each of them. Ids only.
CREATE TABLE IF NOT EXISTS programme_agencies (
    programme_id UUID PRIMARY KEY,
    agency_ids   UUID[] NOT NULL
);
