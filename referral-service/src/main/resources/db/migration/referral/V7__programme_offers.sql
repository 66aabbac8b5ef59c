-- Group programmes and open meeting places as referral-service learns them from the meeting topic
-- (ProgrammeOffers): the platform keeps a GROUP service's capacity from its upcoming programmes, and
-- the families' service finder shows upcoming groups with room and the open places. The public
-- description, session times and places only; a taken place is kept by the family's id (an opaque
-- id, never its data) so that a redelivered enrolment or cancellation counts once.
CREATE TABLE IF NOT EXISTS offer_programmes (
    programme_id      UUID PRIMARY KEY,
    service_id        UUID NOT NULL,
    name              TEXT NOT NULL,
    location          TEXT,
    capacity_families INT  NOT NULL,
    age_from_months   INT  NOT NULL,
    age_to_months     INT  NOT NULL
);
CREATE INDEX IF NOT EXISTS offer_programmes_service_idx ON offer_programmes (service_id);

CREATE TABLE IF NOT EXISTS offer_sessions (
    session_id   UUID PRIMARY KEY,
    programme_id UUID NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS offer_sessions_programme_idx ON offer_sessions (programme_id);

CREATE TABLE IF NOT EXISTS offer_places (
    programme_id UUID NOT NULL,
    family_id    UUID NOT NULL,
    waitlisted   BOOLEAN NOT NULL,
    PRIMARY KEY (programme_id, family_id)
);

CREATE TABLE IF NOT EXISTS offer_open_places (
    place_id      UUID PRIMARY KEY,
    agency_id     UUID NOT NULL,
    name          TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    address       TEXT NOT NULL,
    opening_hours TEXT NOT NULL
);
