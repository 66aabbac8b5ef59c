-- Invitations to group programmes (package invitation). Ids, municipalities and birth months only.
-- Which programme an invitation belongs to, and whether it is still open (InvitationIndex), written in the
-- transaction that stores its events.
CREATE TABLE IF NOT EXISTS invitation_index (
    invitation_id UUID PRIMARY KEY,
    programme_id  UUID NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    open          BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS invitation_index_open ON invitation_index (programme_id) WHERE open;
-- The programmes' sessions as they stand (moved, cancelled): an invitation ends when the first one begins.
CREATE TABLE IF NOT EXISTS invitation_session (
    session_id   UUID PRIMARY KEY,
    programme_id UUID NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    cancelled    BOOLEAN NOT NULL
);
CREATE INDEX IF NOT EXISTS invitation_session_programme ON invitation_session (programme_id);
-- What invitations by age need of families and services, learnt from the referral topic (Invitees).
-- The municipality is not personal data (it travels readable in FamilyRegistered); a child's birth
-- month is kept at month precision, never the date, and is deleted when the family is erased.
CREATE TABLE IF NOT EXISTS invitee_family (
    family_id    UUID PRIMARY KEY,
    municipality TEXT,
    erased       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE IF NOT EXISTS invitee_child (
    family_id   UUID NOT NULL,
    member_id   UUID NOT NULL,
    birth_month DATE NOT NULL,
    PRIMARY KEY (family_id, member_id)
);
CREATE INDEX IF NOT EXISTS invitee_child_month ON invitee_child (birth_month);
CREATE TABLE IF NOT EXISTS invitee_service (
    service_id     UUID PRIMARY KEY,
    municipalities TEXT[] NOT NULL
);
