-- Which programme a session belongs to, and a service's programmes by start (ProgrammeIndex), written in
-- the transaction that stores ProgrammeScheduled.
CREATE TABLE IF NOT EXISTS programme_index (
    programme_id  UUID PRIMARY KEY,
    service_id    UUID NOT NULL,
    first_session TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS programme_index_service ON programme_index (service_id, first_session);
CREATE TABLE IF NOT EXISTS session_index (
    session_id   UUID PRIMARY KEY,
    programme_id UUID NOT NULL
);
