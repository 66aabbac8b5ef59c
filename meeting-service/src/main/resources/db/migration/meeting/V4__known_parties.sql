-- Agencies, families and consents as meeting-service learns them from the referral topic (KnownParties):
-- ids, agency ids and dates only, never personal data.
CREATE TABLE IF NOT EXISTS known_agency (
    agency_id     UUID PRIMARY KEY,
    registered_at TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS known_family (
    family_id               UUID PRIMARY KEY,
    registered_by_agency_id UUID,
    registered_at           TIMESTAMPTZ,
    erased_at               TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS known_consent (
    consent_id   UUID PRIMARY KEY,
    family_id    UUID NOT NULL,
    agency_ids   UUID[] NOT NULL,
    valid_until  DATE,
    withdrawn_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS known_consent_family ON known_consent (family_id);
