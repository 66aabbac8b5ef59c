-- E-mail notifications (README, Notifications). One row per cause and recipient kind: the message id
-- is derived from both, so a redelivered or replayed event inserts nothing new. Recipients are ids:
-- an agency's address is looked up, a family's sealed address opened, only when the message is sent,
-- so an erased family's address is never read again. No personal data in any column.
CREATE TABLE IF NOT EXISTS notification_outbox (
    message_id      UUID PRIMARY KEY,
    kind            TEXT NOT NULL,
    recipient_kind  TEXT NOT NULL,
    recipient_id    UUID NOT NULL,
    cause           TEXT NOT NULL,
    parameters      TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS notification_outbox_due_idx ON notification_outbox (status, next_attempt_at);

-- Agencies' contact addresses (AgencyRegistered), and the receiving agency of each referral (for its escalations).
CREATE TABLE IF NOT EXISTS notification_agencies (
    agency_id     UUID PRIMARY KEY,
    contact_email TEXT
);
CREATE TABLE IF NOT EXISTS notification_referrals (
    referral_id        UUID PRIMARY KEY,
    receiver_agency_id UUID NOT NULL
);

-- Sessions and enrolments from meeting-service's topic, for the reminders the day before a session.
CREATE TABLE IF NOT EXISTS notification_sessions (
    session_id     UUID PRIMARY KEY,
    programme_id   UUID NOT NULL,
    programme_name TEXT NOT NULL,
    location       TEXT,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS notification_sessions_programme_idx ON notification_sessions (programme_id);
CREATE TABLE IF NOT EXISTS notification_enrolments (
    programme_id UUID NOT NULL,
    family_id    UUID NOT NULL,
    PRIMARY KEY (programme_id, family_id)
);
