-- meeting-service's own tables as KnownParties' and ProgrammeIndex's constructors made them before
-- schema migrations, verbatim.
CREATE TABLE IF NOT EXISTS known_agency (
    agency_id     UUID PRIMARY KEY,
    registered_at TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS known_family (
    family_id              UUID PRIMARY KEY,
    registered_by_agency_id UUID,
    registered_at          TIMESTAMPTZ,
    erased_at              TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS known_consent (
    consent_id   UUID PRIMARY KEY,
    family_id    UUID NOT NULL,
    agency_ids   UUID[] NOT NULL,
    valid_until  DATE,
    withdrawn_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS known_consent_family ON known_consent (family_id);
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
